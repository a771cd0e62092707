package dev.benchbook.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

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
        Checks.level(level);
        Descriptive d = Descriptive.of(xs);
        if (d.n() < 2) {
            return new Estimate(d.mean(), Double.NaN, Double.NaN, level);
        }
        double t = new TDistribution(null, d.n() - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * d.stddev() / Math.sqrt(d.n());
        return new Estimate(d.mean(), d.mean() - half, d.mean() + half, level);
    }

    /**
     * The two-sided bias-corrected and accelerated (BCa) bootstrap interval for the mean (Efron and
     * Tibshirani 1993, ch. 14). It draws {@code resamples} resamples with replacement from a
     * {@link Well19937c} generator seeded with {@code seed}, so the same arguments always give the same
     * interval. The bias correction counts replicates equal to the mean as half below; the acceleration
     * comes from the jackknife; quantiles of the replicates are R type 7. Unlike the t-interval it does not
     * assume a symmetric sampling distribution, so it follows the right skew of timings. Its bounds carry
     * Monte Carlo error that shrinks as 1/√resamples.
     *
     * @param xs the sample, every value finite; its unit is the unit of the interval
     * @param level confidence level in (0, 1), e.g. 0.999
     * @param resamples number of bootstrap resamples, at least 1000; 10_000 is a good default
     * @param seed seed of the resampling generator; any value
     * @return the interval around the sample mean; bounds are NaN when {@code xs} has fewer than two
     *     values, and all fields are NaN but {@code confidence} when it is empty
     * @throws IllegalArgumentException if {@code xs} is null or holds a NaN or infinite value, if
     *     {@code level} is not in (0, 1), or if {@code resamples} is below 1000
     */
    public static Estimate bootstrap(double[] xs, double level, int resamples, long seed) {
        Checks.sample("xs", xs, 0, "");
        Checks.level(level);
        Bootstrap.checkResamples(resamples);
        double mean = Descriptive.of(xs).mean();
        if (xs.length < 2) {
            return new Estimate(mean, Double.NaN, Double.NaN, level);
        }
        RandomGenerator rng = new Well19937c(seed);
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            replicates[r] = Bootstrap.resampleMean(xs, rng);
        }
        return Bootstrap.bca(mean, replicates, Bootstrap.acceleration(Bootstrap.jackknifeMeans(xs)), level);
    }
}
