package dev.benchbook.stats;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Descriptive statistics of one sample.
 *
 * @param n sample size
 * @param mean arithmetic mean
 * @param median the median (average of the two middle values for even n)
 * @param stddev sample standard deviation (n - 1 denominator); NaN when n &lt; 2
 * @param min smallest value
 * @param max largest value
 */
public record Descriptive(int n, double mean, double median, double stddev, double min, double max) {

    /** Summarises {@code xs}; every field is NaN for an empty sample (n is 0). */
    public static Descriptive of(double[] xs) {
        if (xs.length == 0) {
            return new Descriptive(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        DescriptiveStatistics d = new DescriptiveStatistics(xs);
        double sd = xs.length < 2 ? Double.NaN : d.getStandardDeviation();
        return new Descriptive(xs.length, d.getMean(), median(xs), sd, d.getMin(), d.getMax());
    }

    /** Coefficient of variation, stddev / mean; NaN when undefined. */
    public double cv() {
        return mean == 0 ? Double.NaN : stddev / mean;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
