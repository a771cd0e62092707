package dev.benchbook.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The precision rule for adaptive stopping: a run may stop once the relative half-width of the
 * Student-t interval for its mean, t(1 - (1 - level) / 2, n - 1) · s / (√n · |mean|), is at most a
 * target such as 0.01 (±1%). Since s / |mean| is the coefficient of variation (CV), the half-width at n
 * iterations is t(n - 1) · CV / √n, which also predicts how many iterations a target needs.
 */
public final class Precision {
    /**
     * How far past the iteration cap the required count may lie for {@link PrecisionMiss#CAP} rather
     * than {@link PrecisionMiss#NOISE}: 4 times the cap halves the half-width.
     */
    public static final int CAP_FACTOR = 4;

    /** Beyond this many degrees of freedom the t quantile is taken as the normal one (relative error &lt; 1e-6). */
    private static final double NORMAL_DF = 1e6;

    private Precision() {}

    /**
     * The half-width of the Student-t interval for the mean, relative to |mean|.
     *
     * @param xs the sample, every value finite
     * @param level confidence level in (0, 1), e.g. 0.99
     * @return half-width / |mean|, at least 0 (e.g. 0.01 for ±1%); NaN when {@code xs} has fewer than two
     *     values or is all zeros, infinite when the mean is 0 and the values vary
     * @throws IllegalArgumentException if {@code xs} is null or holds a NaN or infinite value, or if
     *     {@code level} is not in (0, 1)
     */
    public static double relativeHalfWidth(double[] xs, double level) {
        Checks.sample("xs", xs, 0, "");
        Estimate e = ConfidenceIntervals.tInterval(xs, level);
        return e.halfWidth() / Math.abs(e.point());
    }

    /**
     * Whether the relative half-width of {@code xs} is at most {@code target}.
     *
     * @param xs the sample, every value finite
     * @param level confidence level in (0, 1), e.g. 0.99
     * @param target the largest acceptable relative half-width, &gt; 0, e.g. 0.01 for ±1%
     * @return true when {@link #relativeHalfWidth} ≤ target; false for fewer than two values
     * @throws IllegalArgumentException if {@code xs} is null or holds a NaN or infinite value, if
     *     {@code level} is not in (0, 1), or if {@code target} is not a positive finite number
     */
    public static boolean reached(double[] xs, double level, double target) {
        checkTarget(target);
        return relativeHalfWidth(xs, level) <= target;
    }

    /**
     * The fewest iterations whose relative half-width t(1 - (1 - level) / 2, n - 1) · cv / √n is at most
     * {@code target}, found by bisection; about (z · cv / target)² for large counts.
     *
     * @param cv coefficient of variation, stddev / mean, finite and ≥ 0 (e.g. 0.05 for 5%)
     * @param level confidence level in (0, 1), e.g. 0.99
     * @param target the largest acceptable relative half-width, &gt; 0, e.g. 0.01 for ±1%
     * @return the count, at least 2; {@link Long#MAX_VALUE} when it does not fit in a long
     * @throws IllegalArgumentException if {@code cv} is negative or not finite, if {@code level} is not in
     *     (0, 1), or if {@code target} is not a positive finite number
     */
    public static long requiredIterations(double cv, double level, double target) {
        checkCv(cv);
        Checks.level(level);
        checkTarget(target);
        long hi = 2;
        while (!meets(hi, cv, level, target)) {
            if (hi > Long.MAX_VALUE / 2) {
                return Long.MAX_VALUE;
            }
            hi *= 2;
        }
        long lo = Math.max(2, hi / 2);
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (meets(mid, cv, level, target)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Why a run that stopped at {@code n} iterations missed {@code target}, classified by the required
     * count r = {@link #requiredIterations}(cv, level, target): {@link PrecisionMiss#NOISE} when r &gt;
     * {@value #CAP_FACTOR} · maxN, {@link PrecisionMiss#CAP} when maxN &lt; r ≤ {@value #CAP_FACTOR} ·
     * maxN, and {@link PrecisionMiss#TOO_FEW_ITERATIONS} when r ≤ maxN. The classes follow the fix, so
     * {@code n} only has to be consistent with {@code maxN}; if n already reaches r (the target was met,
     * up to rounding) the answer is TOO_FEW_ITERATIONS.
     *
     * @param n iterations measured, in [0, maxN]
     * @param maxN the iteration cap, ≥ 2
     * @param cv the observed coefficient of variation, stddev / mean, finite and ≥ 0
     * @param level confidence level in (0, 1), e.g. 0.99
     * @param target the relative half-width that was missed, &gt; 0, e.g. 0.01 for ±1%
     * @return the reason for the miss
     * @throws IllegalArgumentException if {@code maxN} is below 2, if {@code n} is not in [0, maxN], or if
     *     {@code cv}, {@code level} or {@code target} is out of range
     */
    public static PrecisionMiss miss(int n, int maxN, double cv, double level, double target) {
        if (maxN < 2) {
            throw new IllegalArgumentException(
                    "maxN(" + maxN + "): must be >= 2; a half-width needs two iterations, use e.g. 1000");
        }
        if (n < 0 || n > maxN) {
            throw new IllegalArgumentException("n(" + n + "): must be in [0, maxN(" + maxN
                    + ")]; pass the number of measured iterations and the cap the run used");
        }
        long required = requiredIterations(cv, level, target);
        if (required <= maxN) {
            return PrecisionMiss.TOO_FEW_ITERATIONS;
        }
        return required <= (long) CAP_FACTOR * maxN ? PrecisionMiss.CAP : PrecisionMiss.NOISE;
    }

    private static boolean meets(long n, double cv, double level, double target) {
        double p = 1 - (1 - level) / 2;
        double df = n - 1;
        double q = df > NORMAL_DF ? new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p)
                : new TDistribution(null, df).inverseCumulativeProbability(p);
        return q * cv / Math.sqrt(n) <= target;
    }

    private static void checkCv(double cv) {
        if (!(cv >= 0 && cv < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "cv(" + cv + "): must be finite and >= 0; pass stddev / mean, e.g. 0.05 for 5%");
        }
    }

    private static void checkTarget(double target) {
        if (!(target > 0 && target < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "target(" + target + "): must be a finite number > 0; use 0.01 for ±1% of the mean");
        }
    }
}
