package dev.benchbook.stats;

/**
 * Argument checks shared by this package. Every message names the parameter, the value, the rule
 * and the fix, in the form {@code name(value): rule; fix}.
 */
final class Checks {
    private Checks() {}

    static void level(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level(" + level + "): must be in (0, 1); use 0.999 for 99.9%");
        }
    }

    /** Rejects NaN and infinite values, which would silently poison every statistic. */
    static void finite(String name, double[] xs) {
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new IllegalArgumentException(name + "[" + i + "](" + xs[i]
                        + "): must be finite; drop failed or missing iterations before the analysis");
            }
        }
    }

    static void minLength(String name, double[] xs, int min, String fix) {
        if (xs.length < min) {
            String values = min == 1 ? " value; " : " values; ";
            throw new IllegalArgumentException(
                    name + "(length " + xs.length + "): must have at least " + min + values + fix);
        }
    }

    /** A sample for analysis: not null, long enough, every value finite. */
    static void sample(String name, double[] xs, int min, String fix) {
        if (xs == null) {
            throw new IllegalArgumentException(name + "(null): must be an array; pass new double[0] for no data");
        }
        minLength(name, xs, min, fix);
        finite(name, xs);
    }
}
