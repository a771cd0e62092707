package dev.benchbook.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of p-values (Holm, 1979): it controls the chance of any false alarm across a
 * family of tests, such as every benchmark × metric of a suite, at the nominal level, without Bonferroni's
 * full loss of power. The i-th smallest of m p-values becomes max over j ≤ i of min(1, (m − j + 1) · p_(j)).
 */
public final class Holm {
    private Holm() {}

    /**
     * The adjusted p-values, in the order given. NaN entries (tests that were not run) stay NaN and do
     * not count towards the family's size.
     */
    public static double[] adjust(double[] pValues) {
        Integer[] order = new Integer[pValues.length];
        int m = 0;
        for (int i = 0; i < pValues.length; i++) {
            order[i] = i;
            if (!Double.isNaN(pValues[i])) {
                m++;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(pValues[i]) ? 2 : pValues[i]));
        double[] out = new double[pValues.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            out[i] = running;
        }
        return out;
    }
}
