package dev.benchbook.kernel.magic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Human-readable times, byte counts and counts for magic output; one unit per figure. */
final class Units {
    private static final String[] TIME_UNITS = {"ns", "µs", "ms", "s"};

    private Units() {
    }

    /** The unit index (ns, µs, ms, s) that shows {@code nanos} as 1 to 999. */
    static int timeUnit(double nanos) {
        int unit = 0;
        double v = Math.abs(nanos);
        while (unit < TIME_UNITS.length - 1 && v >= 999.5) {
            v /= 1000;
            unit++;
        }
        return unit;
    }

    /** {@code nanos} to three significant digits, e.g. {@code 12.3 µs}, {@code 1.5 s}, {@code 87 ns}. */
    static String time(double nanos) {
        int unit = timeUnit(nanos);
        return significant(nanos / Math.pow(1000, unit)) + " " + TIME_UNITS[unit];
    }

    /**
     * A mean and the half-width of its interval in the mean's unit, the half-width with at least one
     * significant digit: {@code 12.3 µs ± 0.2 µs}.
     */
    static String timeWithError(double meanNanos, double halfWidthNanos) {
        int unit = timeUnit(meanNanos);
        double scale = Math.pow(1000, unit);
        String mean = significant(meanNanos / scale);
        int decimals = mean.indexOf('.') < 0 ? 0 : mean.length() - mean.indexOf('.') - 1;
        double hw = halfWidthNanos / scale;
        if (hw > 0 && !Double.isNaN(hw)) {
            decimals = Math.max(decimals, Math.min(3, (int) Math.ceil(-Math.log10(hw))));
        }
        String error = Double.isNaN(hw) ? "?" : String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", hw);
        return mean + " " + TIME_UNITS[unit] + " ± " + error + " " + TIME_UNITS[unit];
    }

    /** Bytes per operation: {@code 0 B/op}, {@code 48 B/op}, {@code 0.5 B/op}, {@code 1,234 B/op}. */
    static String bytesPerOp(double bytes) {
        if (Double.isNaN(bytes) || bytes < 0) {
            return "alloc n/a";
        }
        double rounded = Math.round(bytes * 10) / 10.0;
        String v = rounded == Math.rint(rounded) || rounded >= 100
                ? String.format(Locale.ROOT, "%,d", Math.round(bytes))
                : String.format(Locale.ROOT, "%.1f", rounded);
        return v + " B/op";
    }

    /** A count with thousands separators: {@code 8,192}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A level such as 0.999 as {@code 99.9%}, 0.95 as {@code 95%}. */
    static String percent(double level) {
        return new BigDecimal(level * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString() + "%";
    }

    private static String significant(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "?" : "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
        return d.scale() <= 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
