package dev.benchbook.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.TTest;

/** Two-sample comparisons of a baseline against a candidate. */
public final class Comparison {
    /** Bootstrap resamples used by {@link #of(double[], double[], double, long)}. */
    public static final int RESAMPLES = 10_000;

    private Comparison() {}

    /**
     * Compares candidate {@code b} with baseline {@code a}, drawing {@value #RESAMPLES} bootstrap
     * resamples for the ratio interval. See {@link #of(double[], double[], double, int, long)}.
     *
     * @param a the baseline sample, at least 2 values, every value finite
     * @param b the candidate sample, at least 2 values, every value finite, in the unit of {@code a}
     * @param level confidence level of the ratio interval, in (0, 1), e.g. 0.99
     * @param seed seed of the resampling generator; any value
     * @return the comparison; every signed statistic is positive when b is larger
     * @throws IllegalArgumentException as {@link #of(double[], double[], double, int, long)}
     */
    public static TwoSampleComparison of(double[] a, double[] b, double level, long seed) {
        return of(a, b, level, RESAMPLES, seed);
    }

    /**
     * Compares candidate {@code b} with baseline {@code a}: Welch's t-test; the Mann-Whitney U test
     * (normal approximation, tie-corrected variance, no continuity correction, as R's
     * {@code wilcox.test(b, a, exact = FALSE, correct = FALSE)}); the Hodges-Lehmann shift; Cliff's
     * delta; and the ratio of means mean(b) / mean(a) with a BCa bootstrap interval that resamples each
     * sample independently from one {@link Well19937c} generator seeded with {@code seed}, so the same
     * arguments always give the same interval. The ratio is meant for positive measurements such as
     * times; it is infinite or NaN when a resampled baseline mean is 0.
     *
     * @param a the baseline sample, at least 2 values, every value finite
     * @param b the candidate sample, at least 2 values, every value finite, in the unit of {@code a}
     * @param level confidence level of the ratio interval, in (0, 1), e.g. 0.99
     * @param resamples bootstrap resamples for the ratio interval, at least 1000
     * @param seed seed of the resampling generator; any value
     * @return the comparison; every signed statistic is positive when b is larger
     * @throws IllegalArgumentException if a sample is null, has fewer than 2 values or holds a NaN or
     *     infinite value, if {@code level} is not in (0, 1), or if {@code resamples} is below 1000
     */
    public static TwoSampleComparison of(double[] a, double[] b, double level, int resamples, long seed) {
        String fix = "measure at least 2 iterations of each, so that each sample has a variance";
        Checks.sample("a", a, 2, fix);
        Checks.sample("b", b, 2, fix);
        Checks.level(level);
        Bootstrap.checkResamples(resamples);

        Descriptive da = Descriptive.of(a);
        Descriptive db = Descriptive.of(b);
        double va = da.stddev() * da.stddev() / a.length;
        double vb = db.stddev() * db.stddev() / b.length;
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        boolean constant = va + vb == 0;
        TTest welch = new TTest();
        double t = constant ? Double.NaN : welch.t(b, a);
        double tP = constant ? Double.NaN : welch.tTest(b, a);

        double[] sa = a.clone();
        double[] sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        Pairwise pairs = new Pairwise(sa, sb);
        long greater = pairs.greater();
        long less = pairs.less();
        long total = pairs.pairs();
        double u = greater + (total - greater - less) / 2.0;
        double cliff = (double) (greater - less) / total;

        return new TwoSampleComparison(a.length, b.length, t, constant ? Double.NaN : df, tP,
                u, mannWhitneyP(u, a.length, b.length, pairs.tieTerm()), pairs.medianDifference(), cliff,
                ratio(a, b, da.mean(), db.mean(), level, resamples, seed));
    }

    private static double mannWhitneyP(double u, int na, int nb, double tieTerm) {
        double n = na + nb;
        double variance = (double) na * nb / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (!(variance > 0)) {
            return Double.NaN;
        }
        double z = (u - (double) na * nb / 2) / Math.sqrt(variance);
        return Math.min(1, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z)));
    }

    /**
     * The ratio of means mean(b) / mean(a) with its seeded BCa bootstrap interval, each sample
     * resampled independently: the interval of {@link #of}, without the tests.
     *
     * @param a the reference sample, at least 2 positive values
     * @param b the other sample, at least 2 values
     * @throws IllegalArgumentException if a sample has fewer than 2 values or a NaN
     */
    public static Estimate ratioOfMeans(double[] a, double[] b, double level, int resamples, long seed) {
        Checks.sample("a", a, 2, "measure at least 2 iterations of the reference");
        Checks.sample("b", b, 2, "measure at least 2 iterations of each benchmark");
        Bootstrap.checkResamples(resamples);
        return ratio(a, b, Descriptive.of(a).mean(), Descriptive.of(b).mean(), level, resamples, seed);
    }

    private static Estimate ratio(double[] a, double[] b, double meanA, double meanB, double level,
            int resamples, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double resampledA = Bootstrap.resampleMean(a, rng);
            replicates[r] = Bootstrap.resampleMean(b, rng) / resampledA;
        }
        double[] jackA = Bootstrap.jackknifeMeans(a);
        for (int i = 0; i < jackA.length; i++) {
            jackA[i] = meanB / jackA[i];
        }
        double[] jackB = Bootstrap.jackknifeMeans(b);
        for (int j = 0; j < jackB.length; j++) {
            jackB[j] = jackB[j] / meanA;
        }
        return Bootstrap.bca(meanB / meanA, replicates, Bootstrap.acceleration(jackA, jackB), level);
    }
}
