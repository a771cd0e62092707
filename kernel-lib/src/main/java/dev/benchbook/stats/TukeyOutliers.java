package dev.benchbook.stats;

import java.util.List;

/**
 * Tukey's fences for one sample and where each value lies. Outliers are counted and flagged, never
 * dropped: {@code kinds} has one entry per input value, in input order. Quartiles are R type 7. Every
 * value is in the unit of the sample.
 *
 * @param n sample size, at least 1
 * @param q1 first quartile (25th percentile, R type 7)
 * @param q3 third quartile (75th percentile, R type 7)
 * @param iqr interquartile range q3 - q1, at least 0
 * @param severeLowFence q1 - 3 IQR
 * @param mildLowFence q1 - 1.5 IQR
 * @param mildHighFence q3 + 1.5 IQR
 * @param severeHighFence q3 + 3 IQR
 * @param mildLow count of values below the mild low fence but not below the severe low fence
 * @param mildHigh count of values above the mild high fence but not above the severe high fence
 * @param severeLow count of values below the severe low fence
 * @param severeHigh count of values above the severe high fence
 * @param kinds the classification of each input value, in input order; unmodifiable
 */
public record TukeyOutliers(
        int n,
        double q1,
        double q3,
        double iqr,
        double severeLowFence,
        double mildLowFence,
        double mildHighFence,
        double severeHighFence,
        int mildLow,
        int mildHigh,
        int severeLow,
        int severeHigh,
        List<OutlierKind> kinds) {

    /** The canonical constructor; copies {@code kinds} so the record stays immutable. */
    public TukeyOutliers {
        kinds = List.copyOf(kinds);
    }

    /**
     * All outliers, mild and severe, low and high.
     *
     * @return the number of values beyond either mild fence, severe ones included; 0 to n
     */
    public int count() {
        return mildLow + mildHigh + severeLow + severeHigh;
    }

    /**
     * The classification of the value at {@code index} of the input.
     *
     * @param index position in the input, in [0, n)
     * @return where that value lies relative to the fences
     * @throws IndexOutOfBoundsException if {@code index} is not in [0, n)
     */
    public OutlierKind kind(int index) {
        return kinds.get(index);
    }
}
