package dev.benchbook.stats;

/**
 * Where a per-iteration time series, warmup included, settles into a steady state.
 *
 * <p>The rule. Let n be the series length and σ̂ the noise, estimated from the successive differences
 * of the second half, σ̂² = Σ (x[i+1] - x[i])² / (2 (m - 1)) over the m points from index ⌊n/2⌋ (the von
 * Neumann estimator, which ignores slow drift). The series is stable from the smallest k in [0, ⌊n/2⌋]
 * whose remainder x[k..n) of length L shows neither
 * <ul>
 *   <li>a <b>transient</b>: the mean of its first {@value #HEAD} points differs from the mean of the
 *       other L - {@value #HEAD} by more than {@value #THRESHOLD} σ̂ √(1/{@value #HEAD} + 1/(L - {@value
 *       #HEAD})), nor
 *   <li>a <b>drift</b>: the mean of its first ⌊L/2⌋ points differs from the mean of the rest by more than
 *       {@value #THRESHOLD} σ̂ √(1/⌊L/2⌋ + 1/⌈L/2⌉).
 * </ul>
 * When no such k exists the series is not stable: it still drifts, or its warmup takes more than half
 * of it. The halves test alone would dilute a short warmup tail into half the remainder; the head test
 * catches it. With independent normal noise a flat series passes at k = 0 about 99% of the time, and
 * an exponential warmup is cut where its excess falls to about one σ̂. The rule assumes roughly
 * independent iterations: positively autocorrelated noise shrinks σ̂ and so errs towards a later start
 * or "not stable", never towards hiding a trend.
 *
 * @param stable whether the series reaches a steady state
 * @param start index of the first steady iteration, in [0, ⌊n/2⌋] when stable; n when not stable, so
 *     that {@code Arrays.copyOfRange(series, start, n)} is always the steady part
 * @param n length of the series
 * @param noise the noise σ̂ used by the rule, in the unit of the series (e.g. ns/op), at least 0
 */
public record SteadyState(boolean stable, int start, int n, double noise) {
    /** Shortest series {@link #detect} accepts: the remainder then always has at least 10 points. */
    public static final int MIN_LENGTH = 20;
    /** Length of the head compared with the rest of the remainder, in iterations. */
    public static final int HEAD = 5;
    /** Largest allowed difference of means, in standard errors of that difference. */
    public static final double THRESHOLD = 3.0;

    /**
     * Finds where {@code series} becomes steady, by the rule in the class description.
     *
     * @param series per-iteration measurements in run order, warmup included (e.g. ns/op); at least
     *     {@value #MIN_LENGTH} values, every value finite
     * @return the start of the steady state, or {@code stable = false} with {@code start = n}
     * @throws IllegalArgumentException if {@code series} is null, shorter than {@value #MIN_LENGTH}, or
     *     holds a NaN or infinite value
     */
    public static SteadyState detect(double[] series) {
        Checks.sample("series", series, MIN_LENGTH,
                "run at least " + MIN_LENGTH + " iterations, warmup included, to detect a steady state");
        int n = series.length;
        double noise = noise(series, n / 2);
        // Centring on the last value keeps the prefix sums exact for a constant tail, where σ̂ is 0.
        double centre = series[n - 1];
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + (series[i] - centre);
        }
        for (int k = 0; k <= n / 2; k++) {
            if (agree(prefix, k, k + HEAD, n, noise) && agree(prefix, k, k + (n - k) / 2, n, noise)) {
                return new SteadyState(true, k, n, noise);
            }
        }
        return new SteadyState(false, n, n, noise);
    }

    /**
     * The warmup, for readers who think in iterations to discard.
     *
     * @return the number of iterations before the steady state: {@code start}, or n when not stable
     */
    public int warmup() {
        return start;
    }

    private static double noise(double[] series, int from) {
        double sum = 0;
        for (int i = from; i + 1 < series.length; i++) {
            double d = series[i + 1] - series[i];
            sum += d * d;
        }
        return Math.sqrt(sum / (2.0 * (series.length - from - 1)));
    }

    /** Whether the means of [from, split) and [split, to) agree within THRESHOLD standard errors. */
    private static boolean agree(double[] prefix, int from, int split, int to, double noise) {
        int left = split - from;
        int right = to - split;
        double diff = Math.abs((prefix[split] - prefix[from]) / left - (prefix[to] - prefix[split]) / right);
        return diff <= THRESHOLD * noise * Math.sqrt(1.0 / left + 1.0 / right);
    }
}
