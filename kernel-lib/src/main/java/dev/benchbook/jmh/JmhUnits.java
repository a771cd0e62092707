package dev.benchbook.jmh;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JMH's benchmark modes and score units, and their conversion to nanoseconds per operation. */
final class JmhUnits {
    private JmhUnits() {}

    /** JMH's time unit labels, as its {@code -tu} option prints them, to nanoseconds. */
    private static final Map<String, Double> NS_PER_UNIT = new LinkedHashMap<>();

    static {
        NS_PER_UNIT.put("ns", 1.0);
        NS_PER_UNIT.put("us", 1e3);
        NS_PER_UNIT.put("ms", 1e6);
        NS_PER_UNIT.put("s", 1e9);
        NS_PER_UNIT.put("min", 60e9);
        NS_PER_UNIT.put("hr", 3_600e9);
        NS_PER_UNIT.put("day", 86_400e9);
    }

    private static final Pattern TIME_VALUE = Pattern.compile("(\\d+) *(ns|us|ms|s|min|hr|day)");

    /** The benchmark modes a JMH result can hold, by their short labels. */
    enum Mode {
        /** Operations per unit of time; converted to its reciprocal. */
        THROUGHPUT("thrpt"),
        /** Average time per operation. */
        AVERAGE_TIME("avgt"),
        /** Sampled time per operation; JMH writes a histogram per iteration. */
        SAMPLE_TIME("sample"),
        /** Time of one cold invocation per iteration. */
        SINGLE_SHOT("ss");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The mode with this short label, if any. */
        static Optional<Mode> of(String label) {
            for (Mode m : values()) {
                if (m.label.equals(label)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }

        /** The labels of every mode, for error messages. */
        static String labels() {
            StringBuilder sb = new StringBuilder();
            for (Mode m : values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(m.label);
            }
            return sb.toString();
        }
    }

    /**
     * How one score unit turns into nanoseconds per operation.
     *
     * @param reciprocal whether the unit is operations per time ({@code thrpt})
     * @param nsPerUnit nanoseconds in the unit's time part
     */
    record Conversion(boolean reciprocal, double nsPerUnit) {

        /**
         * Nanoseconds per operation for one score. A throughput of {@code x} ops per time unit over
         * {@code threads} threads is {@code threads * nsPerUnit / x} ns per operation per thread,
         * the same quantity that {@code avgt} reports.
         */
        double toNsPerOp(double score, int threads) {
            return reciprocal ? threads * nsPerUnit / score : score * nsPerUnit;
        }
    }

    /** The conversion of {@code unit} under {@code mode}, or empty when the unit does not fit the mode. */
    static Optional<Conversion> conversion(Mode mode, String unit) {
        String[] parts = unit.split("/", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        if (mode == Mode.THROUGHPUT) {
            Double ns = NS_PER_UNIT.get(parts[1]);
            return "ops".equals(parts[0]) && ns != null ? Optional.of(new Conversion(true, ns)) : Optional.empty();
        }
        Double ns = NS_PER_UNIT.get(parts[0]);
        return "op".equals(parts[1]) && ns != null ? Optional.of(new Conversion(false, ns)) : Optional.empty();
    }

    /** The units that {@code mode} accepts, for error messages, e.g. {@code ns/op, us/op, ...}. */
    static String unitsFor(Mode mode) {
        StringBuilder sb = new StringBuilder();
        for (String u : NS_PER_UNIT.keySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(mode == Mode.THROUGHPUT ? "ops/" + u : u + "/op");
        }
        return sb.toString();
    }

    /** Parses a JMH time value such as {@code 10 s} or {@code 100 ms}; empty for anything else. */
    static Optional<Duration> parseTime(String text) {
        Matcher m = TIME_VALUE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double nanos = Long.parseLong(m.group(1)) * NS_PER_UNIT.get(m.group(2));
        return nanos > Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofNanos((long) nanos));
    }

    /** Formats a duration as JMH prints time values: {@code 1 s}, {@code 100 ms}, {@code 250 us}, {@code 7 ns}. */
    static String formatTime(Duration d) {
        long ns = d.toNanos();
        if (ns != 0 && ns % 1_000_000_000L == 0) {
            return ns / 1_000_000_000L + " s";
        }
        if (ns != 0 && ns % 1_000_000L == 0) {
            return ns / 1_000_000L + " ms";
        }
        if (ns != 0 && ns % 1_000L == 0) {
            return ns / 1_000L + " us";
        }
        return ns + " ns";
    }
}
