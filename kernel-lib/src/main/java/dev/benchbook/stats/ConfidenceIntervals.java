package dev.benchbook.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** Confidence intervals for the mean of a sample. */
public final class ConfidenceIntervals {
    private ConfidenceIntervals() {}

    /**
     * The two-sided Student-t interval for the mean: mean ± t(1 - (1 - level) / 2, n - 1) · s / √n.
     *
     * @param xs the sample
     * @param level confidence level in (0, 1), e.g. 0.999
     * @return the interval; bounds are NaN when {@code xs} has fewer than two values
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public static Estimate tInterval(double[] xs, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level(" + level + "): must be in (0, 1); use 0.999 for 99.9%");
        }
        Descriptive d = Descriptive.of(xs);
        if (d.n() < 2) {
            return new Estimate(d.mean(), Double.NaN, Double.NaN, level);
        }
        double t = new TDistribution(null, d.n() - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * d.stddev() / Math.sqrt(d.n());
        return new Estimate(d.mean(), d.mean() - half, d.mean() + half, level);
    }
}
