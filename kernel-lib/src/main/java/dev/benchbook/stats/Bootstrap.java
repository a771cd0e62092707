package dev.benchbook.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The bias-corrected and accelerated (BCa) bootstrap interval of Efron and Tibshirani (1993, ch. 14),
 * shared by the one-sample and two-sample intervals. The conventions match SciPy's
 * {@code stats.bootstrap(method="BCa")}: the bias correction counts ties with the point as half, the
 * acceleration comes from per-sample jackknife values, and quantiles of the replicates are R type 7.
 */
final class Bootstrap {
    /** Fewer replicates leave the tail quantiles of a 99% or 99.9% interval to a handful of draws. */
    static final int MIN_RESAMPLES = 1000;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Bootstrap() {}

    static void checkResamples(int resamples) {
        if (resamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException("resamples(" + resamples + "): must be >= " + MIN_RESAMPLES
                    + "; use 10_000 for a stable 99% interval");
        }
    }

    /** The mean of one resample of {@code xs}, drawn with replacement. */
    static double resampleMean(double[] xs, RandomGenerator rng) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum += xs[rng.nextInt(xs.length)];
        }
        return sum / xs.length;
    }

    /** Leave-one-out means: element i is the mean of {@code xs} without {@code xs[i]}; needs two values. */
    static double[] jackknifeMeans(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        double[] means = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            means[i] = (sum - xs[i]) / (xs.length - 1);
        }
        return means;
    }

    /**
     * The acceleration â from jackknife values, one array per independently resampled sample:
     * with U_ji = (n_j - 1)(mean_j - θ_ji), â = Σ_j Σ_i U_ji³ / n_j³ / (6 (Σ_j Σ_i U_ji² / n_j²)^1.5).
     * For one sample this is the familiar Σ d³ / (6 (Σ d²)^1.5). Zero when the jackknife values agree.
     */
    static double acceleration(double[]... jackknife) {
        double num = 0;
        double den = 0;
        for (double[] theta : jackknife) {
            int n = theta.length;
            double mean = 0;
            for (double t : theta) {
                mean += t;
            }
            mean /= n;
            double cube = 0;
            double square = 0;
            for (double t : theta) {
                double u = (n - 1) * (mean - t);
                cube += u * u * u;
                square += u * u;
            }
            num += cube / ((double) n * n * n);
            den += square / ((double) n * n);
        }
        return den == 0 ? 0 : num / (6 * Math.pow(den, 1.5));
    }

    /** The bias correction ẑ0 = Φ⁻¹(share of replicates below the point, ties counted as half). */
    static double biasCorrection(double[] replicates, double point) {
        double below = 0;
        for (double r : replicates) {
            below += r < point ? 1 : r == point ? 0.5 : 0;
        }
        int b = replicates.length;
        // A point outside every replicate would give an infinite ẑ0; half a replicate keeps it finite.
        double share = Math.min(Math.max(below / b, 0.5 / b), 1 - 0.5 / b);
        return STANDARD_NORMAL.inverseCumulativeProbability(share);
    }

    /** The two-sided BCa interval at {@code level} around {@code point}; sorts a copy of the replicates. */
    static Estimate bca(double point, double[] replicates, double acceleration, double level) {
        double z0 = biasCorrection(replicates, point);
        double z = STANDARD_NORMAL.inverseCumulativeProbability((1 - level) / 2);
        Percentile quantile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        quantile.setData(replicates);
        double low = quantile(quantile, adjustedShare(z0, z, acceleration, 0));
        double high = quantile(quantile, adjustedShare(z0, -z, acceleration, 1));
        return new Estimate(point, low, high, level);
    }

    /** Φ(ẑ0 + (ẑ0 + z) / (1 - â(ẑ0 + z))); past the pole the share tends to {@code limit}. */
    private static double adjustedShare(double z0, double z, double acceleration, double limit) {
        double num = z0 + z;
        double den = 1 - acceleration * num;
        return den > 0 ? STANDARD_NORMAL.cumulativeProbability(z0 + num / den) : limit;
    }

    private static double quantile(Percentile quantile, double share) {
        // Percentile takes p in (0, 100]; R type 7 at p -> 0 is the minimum, as at the smallest positive p.
        return quantile.evaluate(Math.min(100, Math.max(share * 100, Double.MIN_VALUE)));
    }
}
