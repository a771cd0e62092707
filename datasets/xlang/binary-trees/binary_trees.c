/* binary-trees: allocate, walk and free perfect binary trees (single-threaded). */
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
    struct node *left;
    struct node *right;
} node;

static node *make_tree(int depth) {
    node *n = malloc(sizeof *n);
    if (n == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    if (depth > 0) {
        n->left = make_tree(depth - 1);
        n->right = make_tree(depth - 1);
    } else {
        n->left = NULL;
        n->right = NULL;
    }
    return n;
}

/* Number of nodes in the tree. */
static long check_tree(const node *n) {
    if (n->left == NULL)
        return 1;
    return 1 + check_tree(n->left) + check_tree(n->right);
}

static void free_tree(node *n) {
    if (n->left != NULL) {
        free_tree(n->left);
        free_tree(n->right);
    }
    free(n);
}

int main(int argc, char **argv) {
    const int min_depth = 4;
    int n = argc > 1 ? atoi(argv[1]) : 10;
    int max_depth = n < min_depth + 2 ? min_depth + 2 : n;
    int stretch_depth = max_depth + 1;

    node *stretch = make_tree(stretch_depth);
    printf("stretch tree of depth %d\t check: %ld\n", stretch_depth, check_tree(stretch));
    free_tree(stretch);

    node *long_lived = make_tree(max_depth);

    for (int depth = min_depth; depth <= max_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + min_depth);
        long check = 0;
        for (long i = 0; i < iterations; i++) {
            node *t = make_tree(depth);
            check += check_tree(t);
            free_tree(t);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iterations, depth, check);
    }

    printf("long lived tree of depth %d\t check: %ld\n", max_depth, check_tree(long_lived));
    free_tree(long_lived);
    return 0;
}
