package dev.benchbook.plot;

import java.util.Arrays;
import java.util.Locale;

/**
 * The unit a time axis is drawn in, chosen from the magnitude of the values so that tick labels stay
 * readable: nanoseconds below 1 µs, microseconds below 1 ms, milliseconds below 1 s, seconds above.
 */
public enum TimeScale {
    /** Nanoseconds. */
    NANOS("ns", 1),
    /** Microseconds. */
    MICROS("µs", 1e3),
    /** Milliseconds. */
    MILLIS("ms", 1e6),
    /** Seconds. */
    SECONDS("s", 1e9);

    private final String unit;
    private final double nanos;

    TimeScale(String unit, double nanos) {
        this.unit = unit;
        this.nanos = nanos;
    }

    /**
     * The scale for a typical value of {@code typicalNs} nanoseconds: the largest unit in which the
     * value is at least 1. NaN, infinite, zero or negative values give {@link #NANOS}.
     */
    public static TimeScale forNanos(double typicalNs) {
        if (!(typicalNs > 0) || Double.isInfinite(typicalNs)) {
            return NANOS;
        }
        if (typicalNs < 1e3) {
            return NANOS;
        }
        if (typicalNs < 1e6) {
            return MICROS;
        }
        return typicalNs < 1e9 ? MILLIS : SECONDS;
    }

    /** The scale for the median of the finite values of {@code valuesNs}; {@link #NANOS} if there are none. */
    public static TimeScale forNanos(double[] valuesNs) {
        double[] finite = Arrays.stream(valuesNs).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return NANOS;
        }
        int m = finite.length / 2;
        double median = finite.length % 2 == 1 ? finite[m] : (finite[m - 1] + finite[m]) / 2;
        return forNanos(median);
    }

    /** The unit symbol: {@code ns}, {@code µs}, {@code ms} or {@code s}. */
    public String unit() {
        return unit;
    }

    /** The per-operation unit used in axis titles, e.g. {@code µs/op}. */
    public String perOp() {
        return unit + "/op";
    }

    /** Converts nanoseconds to this unit. */
    public double fromNanos(double ns) {
        return ns / nanos;
    }

    /** Converts every value from nanoseconds to this unit, into a new array. */
    public double[] fromNanos(double[] ns) {
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            out[i] = ns[i] / nanos;
        }
        return out;
    }

    /**
     * Formats {@code ns} in this unit with 4 significant digits and the unit, e.g. {@code 12.35 µs};
     * NaN gives {@code n/a}.
     */
    public String format(double ns) {
        if (Double.isNaN(ns)) {
            return "n/a";
        }
        return significant(fromNanos(ns)) + " " + unit;
    }

    /** {@code v} with 4 significant digits, without exponent notation for the usual range. */
    static String significant(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        int decimals = a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : 4;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
