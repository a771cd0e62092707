package dev.benchbook.stats;

/**
 * A baseline sample a and a candidate sample b compared by location. Every signed statistic points the
 * same way: positive means the candidate is larger (for times, slower). Differences are in the unit of
 * the samples; ratios, p-values and Cliff's delta have no unit.
 *
 * @param nA size of the baseline sample, at least 2
 * @param nB size of the candidate sample, at least 2
 * @param welchT Welch's t statistic (mean(b) - mean(a)) / √(s_a²/n_a + s_b²/n_b); NaN when both
 *     samples are constant
 * @param welchDf Welch–Satterthwaite degrees of freedom, in [min(n_a, n_b) - 1, n_a + n_b - 2]; NaN
 *     when both samples are constant
 * @param welchP two-sided p-value of Welch's t-test, in [0, 1]; NaN when {@code welchT} is NaN
 * @param mannWhitneyU Mann-Whitney U of the candidate: the number of pairs with b_j &gt; a_i, ties
 *     counted as half; in [0, n_a n_b]
 * @param mannWhitneyP two-sided p-value of the Mann-Whitney test by the normal approximation with tie
 *     correction and without continuity correction, in [0, 1]; NaN when all values are equal
 * @param hodgesLehmann the Hodges-Lehmann shift, the median of all n_a n_b differences b_j - a_i
 * @param cliffsDelta Cliff's delta, {@code (#(b_j > a_i) - #(b_j < a_i)) / (n_a n_b)}, in [-1, 1]
 * @param ratio mean(b) / mean(a) with a BCa bootstrap interval at the requested level
 */
public record TwoSampleComparison(
        int nA,
        int nB,
        double welchT,
        double welchDf,
        double welchP,
        double mannWhitneyU,
        double mannWhitneyP,
        double hodgesLehmann,
        double cliffsDelta,
        Estimate ratio) {}
