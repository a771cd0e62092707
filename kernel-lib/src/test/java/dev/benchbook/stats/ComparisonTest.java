package dev.benchbook.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/**
 * Two-sample comparison. Small samples are worked by hand; p-values and bootstrap bounds are checked
 * against SciPy 1.17.1: {@code ttest_ind(b, a, equal_var=False)} (the Welch test of R's
 * {@code t.test(b, a)}), {@code mannwhitneyu(b, a, method="asymptotic", use_continuity=False)} (R's
 * {@code wilcox.test(b, a, exact=FALSE, correct=FALSE)}), and {@code bootstrap((b, a), ratio of means,
 * method="BCa", n_resamples=300_000)} averaged over four seeds.
 */
class ComparisonTest {
    private static final double[] A = {1, 2, 3, 4, 5};
    private static final double[] B = {4, 6, 8, 10, 12};

    /** Timings with one slow iteration each and a tie across the samples (10.4). */
    private static final double[] BASE = {10.2, 9.8, 10.5, 10.1, 9.9, 10.4, 10.0, 10.3, 12.9, 10.2};
    private static final double[] CAND = {10.9, 11.2, 10.6, 10.8, 11.5, 10.4, 11.0, 10.7, 11.1, 10.3, 13.8, 10.9};

    @Test
    void welchMatchesHandFormulaAndSciPy() {
        // mean a = 3, s_a² = 2.5; mean b = 8, s_b² = 10. se² = 2.5/5 + 10/5 = 2.5, t = 5/√2.5 = √10.
        // df = 2.5² / (0.5²/4 + 2²/4) = 6.25 / 1.0625 = 100/17. SciPy p = 0.020038891119415182.
        TwoSampleComparison c = Comparison.of(A, B, 0.95, 1);
        assertEquals(Math.sqrt(10), c.welchT(), 1e-12);
        assertEquals(100.0 / 17, c.welchDf(), 1e-12);
        assertEquals(0.020038891119415182, c.welchP(), 1e-12);
        double p = 2 * (1 - new TDistribution(null, 100.0 / 17).cumulativeProbability(Math.sqrt(10)));
        assertEquals(p, c.welchP(), 1e-12);
    }

    @Test
    void mannWhitneyCountsPairsAndCorrectsForTies() {
        // Pairs with b > a: b=4 beats 1,2,3; 6..12 beat all five: 3 + 20 = 23. One tie (4, 4): U = 23.5.
        // Pooled ties: one pair of 4s, Σ(t³ - t) = 6. Var U = 25/12 · (11 - 6/90) = 22.777...,
        // z = (23.5 - 12.5) / √22.777... = 2.30483, p = 2Φ(-z) = 0.0211767 (SciPy 0.021176657854316622).
        TwoSampleComparison c = Comparison.of(A, B, 0.95, 1);
        assertEquals(5, c.nA());
        assertEquals(5, c.nB());
        assertEquals(23.5, c.mannWhitneyU(), 0);
        assertEquals(0.021176657854316622, c.mannWhitneyP(), 1e-12);
    }

    @Test
    void shiftAndDominanceByEnumeratingPairs() {
        // Differences b - a, sorted: -1 0 1 1 2 2 3 3 3 4 4 5 5 5 6 6 7 7 7 8 8 9 9 10 11: the 13th is 5.
        // Cliff: 23 pairs with b > a, 1 with b < a (4 < 5): (23 - 1) / 25 = 0.88.
        TwoSampleComparison c = Comparison.of(A, B, 0.95, 1);
        assertEquals(5, c.hodgesLehmann(), 0);
        assertEquals(0.88, c.cliffsDelta(), 1e-15);
    }

    @Test
    void ratioIntervalMatchesSciPyBca() {
        // Hand sample: ratio 8/3; SciPy BCa [1.5895 (sd 0.011 over seeds), 4.7273]. Tolerance 0.03.
        Estimate hand = Comparison.of(A, B, 0.95, 100_000, 3).ratio();
        assertEquals(8.0 / 3, hand.point(), 1e-12);
        assertEquals(1.5895, hand.low(), 0.03);
        assertEquals(4.7273, hand.high(), 0.03);
        // Timings: ratio 1.0642377756471715; SciPy BCa [0.98740, 1.13093] (sd 0.0002). With 100_000
        // resamples our Monte Carlo sd is about 0.0005; tolerance 0.002 (1.4% of the width).
        Estimate timing = Comparison.of(BASE, CAND, 0.95, 100_000, 3).ratio();
        assertEquals(1.0642377756471715, timing.point(), 1e-12);
        assertEquals(0.98740, timing.low(), 0.002);
        assertEquals(1.13093, timing.high(), 0.002);
        assertEquals(0.95, timing.confidence());
    }

    @Test
    void timingsMatchSciPy() {
        // Welch sees the two slow iterations as noise; the rank statistics see the consistent shift.
        TwoSampleComparison c = Comparison.of(BASE, CAND, 0.99, 1);
        assertEquals(1.7324952830670564, c.welchT(), 1e-9);
        assertEquals(19.432864769073376, c.welchDf(), 1e-9);
        assertEquals(0.09902773964380093, c.welchP(), 1e-9);
        assertEquals(105, c.mannWhitneyU(), 0);
        assertEquals(0.0029724890691365372, c.mannWhitneyP(), 1e-12);
        assertEquals(0.7, c.hodgesLehmann(), 1e-12);
        assertEquals(0.75, c.cliffsDelta(), 1e-15);
        assertEquals(2 * c.mannWhitneyU() / (BASE.length * CAND.length) - 1, c.cliffsDelta(), 1e-15);
    }

    @Test
    void mannWhitneyAgreesWithCommonsMathWithoutTies() {
        // commons-math3 3.6.1 omits the tie correction, so the two agree exactly only without ties.
        Random random = new Random(9);
        double[] a = new double[40];
        double[] b = new double[55];
        Arrays.setAll(a, i -> 100 + random.nextGaussian());
        Arrays.setAll(b, i -> 100.3 + random.nextGaussian());
        TwoSampleComparison c = Comparison.of(a, b, 0.95, 1);
        MannWhitneyUTest commons = new MannWhitneyUTest();
        double uMax = commons.mannWhitneyU(a, b);
        assertEquals(uMax, Math.max(c.mannWhitneyU(), 40 * 55 - c.mannWhitneyU()), 1e-9);
        assertEquals(commons.mannWhitneyUTest(a, b), c.mannWhitneyP(), 1e-12);
    }

    @Test
    void hodgesLehmannAgreesWithFullEnumeration() {
        Random random = new Random(10);
        for (int trial = 0; trial < 50; trial++) {
            double[] a = new double[1 + random.nextInt(12)];
            double[] b = new double[1 + random.nextInt(12)];
            // Few distinct values, negatives and fractions: many tied differences and both parities.
            Arrays.setAll(a, i -> random.nextInt(9) * 0.25 - 1);
            Arrays.setAll(b, i -> random.nextInt(9) * 0.25 - 0.5);
            double[] diffs = new double[a.length * b.length];
            int k = 0;
            for (double x : a) {
                for (double y : b) {
                    diffs[k++] = y - x;
                }
            }
            Arrays.sort(diffs);
            int m = diffs.length / 2;
            double expected = diffs.length % 2 == 1 ? diffs[m] : (diffs[m - 1] + diffs[m]) / 2;
            double[] sa = a.clone();
            double[] sb = b.clone();
            Arrays.sort(sa);
            Arrays.sort(sb);
            assertEquals(expected, new Pairwise(sa, sb).medianDifference(), 0,
                    () -> Arrays.toString(a) + " " + Arrays.toString(b));
        }
    }

    @Test
    void swappingTheSamplesFlipsEverySign() {
        TwoSampleComparison ab = Comparison.of(BASE, CAND, 0.95, 1);
        TwoSampleComparison ba = Comparison.of(CAND, BASE, 0.95, 1);
        assertEquals(-ab.welchT(), ba.welchT(), 1e-12);
        assertEquals(ab.welchP(), ba.welchP(), 1e-12);
        assertEquals(BASE.length * CAND.length - ab.mannWhitneyU(), ba.mannWhitneyU(), 0);
        assertEquals(ab.mannWhitneyP(), ba.mannWhitneyP(), 1e-12);
        assertEquals(-ab.hodgesLehmann(), ba.hodgesLehmann(), 1e-12);
        assertEquals(-ab.cliffsDelta(), ba.cliffsDelta(), 1e-15);
        assertEquals(1 / ab.ratio().point(), ba.ratio().point(), 1e-12);
    }

    @Test
    void sameSeedGivesSameComparison() {
        assertEquals(Comparison.of(BASE, CAND, 0.99, 77), Comparison.of(BASE, CAND, 0.99, 77));
    }

    @Test
    void identicalConstantSamplesHaveNoTestButAUnitRatio() {
        TwoSampleComparison c = Comparison.of(new double[] {5, 5, 5}, new double[] {5, 5}, 0.95, 1);
        assertTrue(Double.isNaN(c.welchT()) && Double.isNaN(c.welchP()) && Double.isNaN(c.mannWhitneyP()));
        assertEquals(3, c.mannWhitneyU(), 0);
        assertEquals(0, c.hodgesLehmann(), 0);
        assertEquals(0, c.cliffsDelta(), 0);
        assertEquals(new Estimate(1, 1, 1, 0.95), c.ratio());
    }

    @Test
    void rejectsBadArgumentsWithTheFix() {
        assertEquals("a(length 1): must have at least 2 values; measure at least 2 iterations of each, so that"
                + " each sample has a variance", assertThrows(IllegalArgumentException.class,
                        () -> Comparison.of(new double[] {1}, B, 0.95, 1)).getMessage());
        assertEquals("b[0](NaN): must be finite; drop failed or missing iterations before the analysis",
                assertThrows(IllegalArgumentException.class,
                        () -> Comparison.of(A, new double[] {Double.NaN, 1}, 0.95, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(A, B, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(A, B, 0.95, 999, 1));
    }
}
