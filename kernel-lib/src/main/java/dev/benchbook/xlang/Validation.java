package dev.benchbook.xlang;

import java.util.List;
import java.util.Optional;

/**
 * How an implementation's output is checked against the reference's before anything is timed.
 * {@link #bytes()} (the default) wants identical bytes. {@link #numeric(double)} compares line by line
 * and token by token, as the Benchmarks Game's ndiff does: tokens that both parse as numbers must agree
 * within the tolerance (absolute, or relative to the larger magnitude, whichever is looser), any other
 * token must be equal.
 */
public final class Validation {
    private final double tolerance;

    private Validation(double tolerance) {
        this.tolerance = tolerance;
    }

    /** Byte-identical output. */
    public static Validation bytes() {
        return new Validation(-1);
    }

    /**
     * Numbers equal within {@code tolerance}, other text identical.
     *
     * @throws IllegalArgumentException if the tolerance is negative or not finite
     */
    public static Validation numeric(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("Validation.numeric: tolerance " + tolerance
                    + " must be a finite number >= 0, e.g. 1e-8");
        }
        return new Validation(tolerance);
    }

    /** True for {@link #numeric(double)}. */
    public boolean isNumeric() {
        return tolerance >= 0;
    }

    /** The tolerance of a numeric validation; NaN for bytes. */
    public double tolerance() {
        return isNumeric() ? tolerance : Double.NaN;
    }

    /**
     * Compares {@code actual} with {@code expected}: empty when they agree, else where they first differ,
     * e.g. {@code line 3: expected '-0.169075164', got '-0.169075165'}.
     */
    public Optional<String> compare(byte[] expected, byte[] actual) {
        if (!isNumeric() && java.util.Arrays.equals(expected, actual)) {
            return Optional.empty();
        }
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : null;
            String al = i < a.size() ? a.get(i) : null;
            if (el == null || al == null) {
                return Optional.of("line " + (i + 1) + ": expected " + quote(el) + ", got " + quote(al));
            }
            if (isNumeric() ? !lineAgrees(el, al) : !el.equals(al)) {
                return Optional.of("line " + (i + 1) + ": expected " + quote(el) + ", got " + quote(al));
            }
        }
        return isNumeric() ? Optional.empty()
                : Optional.of("the bytes differ but no line does (line endings or a final newline): expected "
                        + expected.length + " bytes, got " + actual.length);
    }

    private boolean lineAgrees(String e, String a) {
        String[] et = e.strip().split("[\\s,;]+");
        String[] at = a.strip().split("[\\s,;]+");
        if (et.length != at.length) {
            return false;
        }
        for (int i = 0; i < et.length; i++) {
            if (et[i].equals(at[i])) {
                continue;
            }
            Double x = number(et[i]);
            Double y = number(at[i]);
            if (x == null || y == null) {
                return false;
            }
            double diff = Math.abs(x - y);
            if (!(diff <= tolerance || diff <= tolerance * Math.max(Math.abs(x), Math.abs(y)))) {
                return false;
            }
        }
        return true;
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static List<String> lines(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    private static String quote(String line) {
        if (line == null) {
            return "end of output";
        }
        String l = line.length() > 200 ? line.substring(0, 200) + "..." : line;
        return "'" + l + "'";
    }

    @Override
    public String toString() {
        return isNumeric() ? "numeric(" + tolerance + ")" : "bytes";
    }
}
