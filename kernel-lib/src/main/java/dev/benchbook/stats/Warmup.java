package dev.benchbook.stats;

/**
 * When an adaptive warmup may end: the rule over the warmup iterations so far.
 *
 * <p>Warmup is over once there are at least {@code min} iterations and
 * <ul>
 *   <li>the JIT finished no compilation during the last {@code quiet} iterations (a benchmark whose
 *       code is being moved to a faster tier is not warm, however flat its times look), and
 *   <li>the last {@code window} times are steady: the means of the window's halves differ by at most
 *       {@value SteadyState#THRESHOLD} standard errors of that difference, the noise σ̂ estimated
 *       from the window's successive differences (the von Neumann estimator that {@link SteadyState}
 *       uses), or by at most {@value #FLOOR} of the window's mean, whichever is larger. The floor
 *       keeps a nearly noise-free series from warming up forever over a drift nobody could see.
 * </ul>
 * Pure: the caller supplies the series and decides the cap.
 */
public final class Warmup {
    /** Relative difference of the halves' means that always counts as steady: 1%. */
    public static final double FLOOR = 0.01;

    private Warmup() {}

    /**
     * Whether warmup may end after the iterations so far.
     *
     * @param times ns/op of each warmup iteration so far, in order
     * @param compileMs the JIT's cumulative compilation time after each of those iterations, same
     *     length; -1 entries mean unknown and are ignored
     * @param min fewest warmup iterations, {@code >= 0}
     * @param window trailing iterations tested for steadiness, an even number {@code >= 4}
     * @param quiet trailing iterations without compilation, {@code >= 1}
     * @throws IllegalArgumentException if the arrays differ in length or the sizes are out of range
     */
    public static boolean settled(double[] times, long[] compileMs, int min, int window, int quiet) {
        if (times.length != compileMs.length) {
            throw new IllegalArgumentException("times (" + times.length + ") and compileMs (" + compileMs.length
                    + ") must have one entry per warmup iteration");
        }
        if (window < 4 || window % 2 != 0 || quiet < 1 || min < 0) {
            throw new IllegalArgumentException("window=" + window + ", quiet=" + quiet + ", min=" + min
                    + ": window must be even and >= 4, quiet >= 1, min >= 0");
        }
        int n = times.length;
        if (n < Math.max(min, Math.max(window, quiet + 1))) {
            return false;
        }
        long before = compileMs[n - 1 - quiet];
        long now = compileMs[n - 1];
        if (before >= 0 && now >= 0 && now > before) {
            return false;
        }
        int half = window / 2;
        double first = 0;
        double second = 0;
        double sq = 0;
        for (int i = n - window; i < n; i++) {
            if (i < n - half) {
                first += times[i];
            } else {
                second += times[i];
            }
            if (i + 1 < n) {
                double d = times[i + 1] - times[i];
                sq += d * d;
            }
        }
        first /= half;
        second /= half;
        double noise = Math.sqrt(sq / (2.0 * (window - 1)));
        double diff = Math.abs(first - second);
        double mean = (first + second) / 2;
        return diff <= Math.max(SteadyState.THRESHOLD * noise * Math.sqrt(2.0 / half), FLOOR * Math.abs(mean));
    }
}
