package dev.benchbook.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** Outlier detection that counts and flags values but never removes them. */
public final class Outliers {
    private Outliers() {}

    /**
     * Tukey's fences: mild outliers lie beyond 1.5 IQR from the quartiles, severe ones beyond 3 IQR.
     * Quartiles are R type 7 (R's {@code quantile(x, type = 7)}, the default in R and NumPy): for
     * sorted values x[0..n-1] and share p, h = (n - 1) p and the quantile is
     * x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋]). A value exactly on a fence is not beyond it.
     *
     * @param xs the sample, at least one value, every value finite
     * @return quartiles, fences, counts and a per-value classification in input order
     * @throws IllegalArgumentException if {@code xs} is null or empty, or holds a NaN or infinite value
     */
    public static TukeyOutliers tukey(double[] xs) {
        Checks.sample("xs", xs, 1, "pass at least one measurement");
        Percentile quartile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        quartile.setData(xs);
        double q1 = quartile.evaluate(25);
        double q3 = quartile.evaluate(75);
        double iqr = q3 - q1;
        double severeLow = q1 - 3 * iqr;
        double mildLow = q1 - 1.5 * iqr;
        double mildHigh = q3 + 1.5 * iqr;
        double severeHigh = q3 + 3 * iqr;
        int[] counts = new int[OutlierKind.values().length];
        List<OutlierKind> kinds = new ArrayList<>(xs.length);
        for (double x : xs) {
            OutlierKind kind = x < severeLow ? OutlierKind.SEVERE_LOW
                    : x < mildLow ? OutlierKind.MILD_LOW
                    : x > severeHigh ? OutlierKind.SEVERE_HIGH
                    : x > mildHigh ? OutlierKind.MILD_HIGH
                    : OutlierKind.NONE;
            counts[kind.ordinal()]++;
            kinds.add(kind);
        }
        return new TukeyOutliers(xs.length, q1, q3, iqr, severeLow, mildLow, mildHigh, severeHigh,
                counts[OutlierKind.MILD_LOW.ordinal()], counts[OutlierKind.MILD_HIGH.ordinal()],
                counts[OutlierKind.SEVERE_LOW.ordinal()], counts[OutlierKind.SEVERE_HIGH.ordinal()], kinds);
    }
}
