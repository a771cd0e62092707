"""binary-trees: allocate and walk perfect binary trees (single-threaded).

A node is a tuple (left, right); a leaf is (None, None).
"""
import sys


def make_tree(depth):
    if depth > 0:
        depth -= 1
        return (make_tree(depth), make_tree(depth))
    return (None, None)


def check_tree(node):
    """Number of nodes in the tree."""
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def main():
    min_depth = 4
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    max_depth = max(min_depth + 2, n)
    stretch_depth = max_depth + 1

    out = []
    out.append("stretch tree of depth %d\t check: %d\n"
               % (stretch_depth, check_tree(make_tree(stretch_depth))))

    long_lived = make_tree(max_depth)

    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 1 << (max_depth - depth + min_depth)
        check = 0
        for _ in range(iterations):
            check += check_tree(make_tree(depth))
        out.append("%d\t trees of depth %d\t check: %d\n" % (iterations, depth, check))

    out.append("long lived tree of depth %d\t check: %d\n"
               % (max_depth, check_tree(long_lived)))
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
