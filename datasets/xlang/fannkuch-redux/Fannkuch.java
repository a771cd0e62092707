// fannkuch-redux: for every permutation of 0..n-1, taken in the order produced by
// the rotation scheme below, count the prefix reversals ("flips") needed until 0
// is in front: a front element k reverses the first k+1 elements. Report the
// checksum (flips added for even-indexed permutations, subtracted for odd ones)
// and the largest flip count.
// Usage: java Fannkuch.java N (or javac Fannkuch.java && java Fannkuch N).
// Prints "<checksum>" and "Pfannkuchen(N) = <maxflips>".
public final class Fannkuch {
    private static int countFlips(int[] perm, int[] work, int n) {
        int first = perm[0];
        if (first == 0) {
            return 0;
        }
        System.arraycopy(perm, 0, work, 0, n);
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

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        if (n < 1 || n > 16) {
            System.err.println("n must be between 1 and 16");
            System.exit(2);
        }
        int[] perm = new int[n];
        int[] work = new int[n];
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        long checksum = 0;
        int maxFlips = 0;
        long index = 0;
        int r = n;
        while (true) {
            // Reset the counters of the positions below r.
            for (; r != 1; r--) {
                count[r - 1] = r;
            }

            int flips = countFlips(perm, work, n);
            maxFlips = Math.max(maxFlips, flips);
            checksum += (index % 2 == 0) ? flips : -flips;

            // Next permutation: rotate the first r+1 elements left by one; when the
            // counter of position r runs out, move on to a longer prefix.
            while (true) {
                if (r == n) {
                    System.out.print(checksum + "\nPfannkuchen(" + n + ") = " + maxFlips + "\n");
                    System.out.flush();
                    return;
                }
                int first = perm[0];
                System.arraycopy(perm, 1, perm, 0, r);
                perm[r] = first;
                if (--count[r] > 0) {
                    break;
                }
                r++;
            }
            index++;
        }
    }
}
