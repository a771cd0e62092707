package dev.benchbook.regress;

import java.util.Arrays;

/**
 * How much a benchmark's value moves from one run to the next on the log scale, as measured by its
 * history: the robust standard deviation of one run's log value.
 *
 * @param logSigma the standard deviation of ln(value) of one run
 * @param runs how many runs it was estimated from
 */
public record RunSpread(double logSigma, int runs) {
    /** Fewest runs a spread is estimated from. */
    public static final int MIN_RUNS = 10;

    public RunSpread {
        if (!(logSigma >= 0) || runs < 2) {
            throw new IllegalArgumentException("run spread: sigma " + logSigma + " from " + runs
                    + " runs: need sigma >= 0 and at least 2 runs");
        }
    }

    /**
     * The degrees of freedom of a t test whose error rests on this spread: max(1, 0.45 · (runs − 1) − 0.5),
     * far fewer than runs − 1. The MAD keeps about 37% of the information of a standard deviation and
     * successive differences overlap, so ten runs carry the information of about 3.5 independent squares.
     * The rule is fitted to the null distribution of |ln(c / b)| / (σ̂ √2), b the last history run and c an
     * independent run, all independent normal on the log scale: its 99th percentile is that of t with 1.9,
     * 3.5, 6.1, 7.9 and 13.1 degrees of freedom at 5, 10, 15, 20 and 30 runs (20,000 draws each), where
     * runs − 1 made a nominal 1% test flag 5.6%, 3.6%, 2.3%, 2.1% and 1.7% of them.
     */
    public double degreesOfFreedom() {
        return Math.max(1, 0.45 * (runs - 1) - 0.5);
    }

    /**
     * The spread of a history of per-run values, oldest first, or null with fewer than {@link #MIN_RUNS}
     * positive values. It uses successive differences (1.4826 · MAD of Δ ln x / √2), so a step in the
     * series, such as an accepted change, barely inflates it.
     */
    public static RunSpread of(double[] values) {
        double[] logs = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).map(Math::log).toArray();
        if (logs.length < MIN_RUNS) {
            return null;
        }
        double[] d = new double[logs.length - 1];
        for (int i = 1; i < logs.length; i++) {
            d[i - 1] = logs[i] - logs[i - 1];
        }
        double med = median(d);
        double[] dev = Arrays.stream(d).map(x -> Math.abs(x - med)).toArray();
        return new RunSpread(1.4826 * median(dev) / Math.sqrt(2), logs.length);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
