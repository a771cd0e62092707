// binary-trees: allocate, walk and free perfect binary trees (single-threaded).
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

struct Node {
    std::unique_ptr<Node> left;
    std::unique_ptr<Node> right;
};

static std::unique_ptr<Node> make_tree(int depth) {
    auto n = std::make_unique<Node>();
    if (depth > 0) {
        n->left = make_tree(depth - 1);
        n->right = make_tree(depth - 1);
    }
    return n;
}

// Number of nodes in the tree.
static long check_tree(const Node &n) {
    if (!n.left)
        return 1;
    return 1 + check_tree(*n.left) + check_tree(*n.right);
}

int main(int argc, char **argv) {
    const int min_depth = 4;
    int n = argc > 1 ? std::atoi(argv[1]) : 10;
    int max_depth = n < min_depth + 2 ? min_depth + 2 : n;
    int stretch_depth = max_depth + 1;

    {
        auto stretch = make_tree(stretch_depth);
        std::printf("stretch tree of depth %d\t check: %ld\n", stretch_depth, check_tree(*stretch));
    }

    auto long_lived = make_tree(max_depth);

    for (int depth = min_depth; depth <= max_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + min_depth);
        long check = 0;
        for (long i = 0; i < iterations; i++) {
            auto t = make_tree(depth);
            check += check_tree(*t);
        }
        std::printf("%ld\t trees of depth %d\t check: %ld\n", iterations, depth, check);
    }

    std::printf("long lived tree of depth %d\t check: %ld\n", max_depth, check_tree(*long_lived));
    return 0;
}
