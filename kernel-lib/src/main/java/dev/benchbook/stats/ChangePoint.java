package dev.benchbook.stats;

/**
 * A change in the level of a series: from {@code index} on, the values belong to a new segment.
 *
 * @param index position of the first value after the change, in [1, n)
 * @param meanBefore mean of the segment that ends just before {@code index}
 * @param meanAfter mean of the segment that starts at {@code index}
 * @param magnitude relative change of the mean, (meanAfter − meanBefore) / |meanBefore|; NaN when
 *     meanBefore is 0
 * @param pValue two-sided Welch t-test p-value of the two segments, multiplied by the number of splits
 *     the segment offered (Bonferroni for picking the most extreme one), at most 1
 */
public record ChangePoint(int index, double meanBefore, double meanAfter, double magnitude, double pValue) {}
