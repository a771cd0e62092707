package dev.benchbook.format;

import java.util.Locale;

/** Formats figures in human units, three significant digits, in the root locale. */
public final class Units {
    private Units() {}

    /** E.g. {@code 12.3 µs}, {@code 845 ns}, {@code 1.20 s}; empty for NaN. */
    public static String time(double ns) {
        if (!Double.isFinite(ns)) {
            return "";
        }
        double a = Math.abs(ns);
        if (a < 1e3) {
            return sig(ns) + " ns";
        }
        if (a < 1e6) {
            return sig(ns / 1e3) + " µs";
        }
        if (a < 1e9) {
            return sig(ns / 1e6) + " ms";
        }
        return sig(ns / 1e9) + " s";
    }

    /** {@code value} in the unit {@link #time} picks for {@code reference}, without the unit: for a ± beside a mean. */
    public static String timeLike(double ns, double reference) {
        if (!Double.isFinite(ns) || !Double.isFinite(reference)) {
            return "";
        }
        double a = Math.abs(reference);
        double scale = a < 1e3 ? 1 : a < 1e6 ? 1e3 : a < 1e9 ? 1e6 : 1e9;
        String unit = a < 1e3 ? "ns" : a < 1e6 ? "µs" : a < 1e9 ? "ms" : "s";
        return sig(ns / scale) + " " + unit;
    }

    /** E.g. {@code 0 B}, {@code 24 B}, {@code 1.50 KiB}, {@code 12.0 MiB}; empty for NaN. */
    public static String bytes(double b) {
        if (!Double.isFinite(b)) {
            return "";
        }
        double a = Math.abs(b);
        if (a < 1024) {
            return (Math.abs(b - Math.rint(b)) < 0.005 ? String.format(Locale.ROOT, "%.0f", b) : sig(b)) + " B";
        }
        if (a < 1024 * 1024) {
            return sig(b / 1024) + " KiB";
        }
        if (a < 1024.0 * 1024 * 1024) {
            return sig(b / (1024 * 1024)) + " MiB";
        }
        return sig(b / (1024.0 * 1024 * 1024)) + " GiB";
    }

    /** Three significant digits: {@code 1.23}, {@code 12.3}, {@code 123}, {@code 1234}. */
    public static String sig(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
