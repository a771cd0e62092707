// binary-trees: allocate and walk perfect binary trees (single-threaded).
// Runs as `java BinaryTrees.java 10` or compiled with javac.
public class BinaryTrees {
    private static final class Node {
        final Node left;
        final Node right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        // Number of nodes in the tree.
        long check() {
            if (left == null) {
                return 1;
            }
            return 1 + left.check() + right.check();
        }
    }

    private static Node makeTree(int depth) {
        if (depth > 0) {
            return new Node(makeTree(depth - 1), makeTree(depth - 1));
        }
        return new Node(null, null);
    }

    public static void main(String[] args) {
        final int minDepth = 4;
        int n = args.length > 0 ? Integer.parseInt(args[0].trim()) : 10;
        int maxDepth = Math.max(minDepth + 2, n);
        int stretchDepth = maxDepth + 1;

        StringBuilder out = new StringBuilder();
        out.append("stretch tree of depth ").append(stretchDepth)
           .append("\t check: ").append(makeTree(stretchDepth).check()).append('\n');

        Node longLived = makeTree(maxDepth);

        for (int depth = minDepth; depth <= maxDepth; depth += 2) {
            long iterations = 1L << (maxDepth - depth + minDepth);
            long check = 0;
            for (long i = 0; i < iterations; i++) {
                check += makeTree(depth).check();
            }
            out.append(iterations).append("\t trees of depth ").append(depth)
               .append("\t check: ").append(check).append('\n');
        }

        out.append("long lived tree of depth ").append(maxDepth)
           .append("\t check: ").append(longLived.check()).append('\n');
        System.out.print(out);
        System.out.flush();
    }
}
