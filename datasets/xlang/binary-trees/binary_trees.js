// binary-trees: allocate and walk perfect binary trees (single-threaded).
'use strict';

class Node {
    constructor(left, right) {
        this.left = left;
        this.right = right;
    }
}

function makeTree(depth) {
    if (depth > 0) {
        return new Node(makeTree(depth - 1), makeTree(depth - 1));
    }
    return new Node(null, null);
}

// Number of nodes in the tree.
function checkTree(node) {
    if (node.left === null) {
        return 1;
    }
    return 1 + checkTree(node.left) + checkTree(node.right);
}

function main() {
    const minDepth = 4;
    const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 10;
    const maxDepth = Math.max(minDepth + 2, n);
    const stretchDepth = maxDepth + 1;

    const out = [];
    out.push(`stretch tree of depth ${stretchDepth}\t check: ${checkTree(makeTree(stretchDepth))}\n`);

    const longLived = makeTree(maxDepth);

    for (let depth = minDepth; depth <= maxDepth; depth += 2) {
        const iterations = 2 ** (maxDepth - depth + minDepth);
        let check = 0;
        for (let i = 0; i < iterations; i++) {
            check += checkTree(makeTree(depth));
        }
        out.push(`${iterations}\t trees of depth ${depth}\t check: ${check}\n`);
    }

    out.push(`long lived tree of depth ${maxDepth}\t check: ${checkTree(longLived)}\n`);
    process.stdout.write(out.join(''));
}

main();
