package dev.benchbook.stats;

import java.util.Arrays;

/**
 * Statistics over all n_a · n_b pairs (a_i, b_j) of two sorted samples, computed by counting in
 * O((n_a + n_b) log) time and O(1) extra memory, so large samples never materialise the pairs.
 */
final class Pairwise {
    private final double[] a;
    private final double[] b;

    /** Both arrays must be sorted ascending and finite; they are not copied. */
    Pairwise(double[] sortedA, double[] sortedB) {
        this.a = sortedA;
        this.b = sortedB;
    }

    long pairs() {
        return (long) a.length * b.length;
    }

    /** The number of pairs with b_j > a_i. */
    long greater() {
        long count = 0;
        for (double y : b) {
            count += lowerBound(a, y);
        }
        return count;
    }

    /** The number of pairs with b_j < a_i. */
    long less() {
        long count = 0;
        for (double y : b) {
            count += a.length - upperBound(a, y);
        }
        return count;
    }

    /** Σ (t³ - t) over groups of t equal values in the pooled sample, for the rank-test tie correction. */
    double tieTerm() {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        Arrays.sort(pooled);
        double sum = 0;
        for (int i = 0; i < pooled.length;) {
            int j = i;
            while (j < pooled.length && pooled[j] == pooled[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }

    /** The median of all differences b_j - a_i, averaging the middle two when their count is even. */
    double medianDifference() {
        long n = pairs();
        return n % 2 == 1 ? smallestDifference((n + 1) / 2)
                : (smallestDifference(n / 2) + smallestDifference(n / 2 + 1)) / 2;
    }

    /**
     * The k-th smallest (1-based) difference b_j - a_i. The count of differences ≤ t steps up only at
     * differences, so the smallest double t whose count reaches k is one; bisecting over the ordered
     * bit patterns of doubles finds it in at most 64 counts.
     */
    double smallestDifference(long k) {
        long lo = order(b[0] - a[a.length - 1]);
        long hi = order(b[b.length - 1] - a[0]);
        while (lo < hi) {
            long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
            if (atMost(unorder(mid)) >= k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return unorder(lo) + 0.0; // turns -0.0 into 0.0
    }

    /** The number of pairs with b_j - a_i ≤ t; rounded subtraction is monotone, so two pointers suffice. */
    private long atMost(double t) {
        long count = 0;
        int i = 0;
        for (double y : b) {
            while (i < a.length && y - a[i] > t) {
                i++;
            }
            count += a.length - i;
        }
        return count;
    }

    /** Maps doubles to longs in the same order: -0.0 just below 0.0, negatives flipped. */
    private static long order(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits < 0 ? bits ^ Long.MAX_VALUE : bits;
    }

    private static double unorder(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MAX_VALUE : key);
    }

    /** The first index whose value is ≥ x. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose value is > x. */
    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
