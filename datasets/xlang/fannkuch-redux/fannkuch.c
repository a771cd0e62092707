/* fannkuch-redux: for every permutation of 0..n-1, taken in the order produced by
 * the rotation scheme below, count the prefix reversals ("flips") needed until 0
 * is in front: a front element k reverses the first k+1 elements. Report the
 * checksum (flips added for even-indexed permutations, subtracted for odd ones)
 * and the largest flip count.
 * Usage: fannkuch N. Prints "<checksum>" and "Pfannkuchen(N) = <maxflips>". */
#include <stdio.h>
#include <stdlib.h>

/* Number of flips for perm, using work as scratch. */
static int count_flips(const int *perm, int *work, int n) {
    int first = perm[0];
    if (first == 0) return 0;
    for (int i = 0; i < n; i++) work[i] = perm[i];
    int flips = 0;
    while (first != 0) {
        for (int lo = 0, hi = first; lo < hi; lo++, hi--) {
            int t = work[lo];
            work[lo] = work[hi];
            work[hi] = t;
        }
        flips++;
        first = work[0];
    }
    return flips;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 7;
    if (n < 1 || n > 16) {
        fprintf(stderr, "n must be between 1 and 16\n");
        return 2;
    }
    int perm[16], work[16], count[16];
    for (int i = 0; i < n; i++) perm[i] = i;
    long long checksum = 0;
    int max_flips = 0;
    long long index = 0;
    int r = n;
    for (;;) {
        /* Reset the counters of the positions below r. */
        for (; r != 1; r--) count[r - 1] = r;

        int flips = count_flips(perm, work, n);
        if (flips > max_flips) max_flips = flips;
        checksum += (index % 2 == 0) ? flips : -flips;

        /* Next permutation: rotate the first r+1 elements left by one; when the
         * counter of position r runs out, move on to a longer prefix. */
        for (;;) {
            if (r == n) {
                printf("%lld\nPfannkuchen(%d) = %d\n", checksum, n, max_flips);
                return 0;
            }
            int first = perm[0];
            for (int i = 0; i < r; i++) perm[i] = perm[i + 1];
            perm[r] = first;
            if (--count[r] > 0) break;
            r++;
        }
        index++;
    }
}
