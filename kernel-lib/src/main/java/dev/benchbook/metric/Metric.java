package dev.benchbook.metric;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The description of one metric, given once: what samples, tables, reports and the run format
 * call it, its unit, which way is better, and how readings become per-iteration values and
 * per-iteration values a summary figure. Its {@code id} is also its column name in every table.
 *
 * @param id lowercase identifier with the unit in it, e.g. {@code cpu_ns} or {@code peak_heap_bytes}
 * @param unit the unit of a value, e.g. {@code ns/op}, {@code B/op}, {@code count}, {@code bytes}; empty
 *     for a dimensionless figure
 * @param direction whether lower or higher values are better
 * @param scope how a reading becomes a value
 * @param aggregate how the measured iterations' values combine into the summary figure
 * @param description one sentence for reports
 */
public record Metric(String id, String unit, Direction direction, Scope scope, Aggregate aggregate,
        String description) {

    /** What a metric id must look like. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public Metric {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("metric id \"" + id + "\": must match " + ID.pattern()
                    + " (lowercase letters, digits and underscores, starting with a letter); e.g. \"rows\" or \"ratio\"");
        }
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }

    /** Which way is better. */
    public enum Direction {
        /** Smaller is better: times, bytes, counts of misses. */
        LOWER_IS_BETTER,
        /** Larger is better: throughput, compression ratio. */
        HIGHER_IS_BETTER,
        /** Neither: a figure that only describes the work, e.g. rows processed. */
        NEUTRAL;

        /** {@code lower}, {@code higher} or {@code neutral}: the word the run format uses. */
        public String label() {
            return switch (this) {
                case LOWER_IS_BETTER -> "lower";
                case HIGHER_IS_BETTER -> "higher";
                case NEUTRAL -> "neutral";
            };
        }

        /** The direction whose {@link #label()} is {@code label}. */
        public static Direction ofLabel(String label) {
            for (Direction d : values()) {
                if (d.label().equals(label)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("direction \"" + label + "\": must be lower, higher or neutral");
        }
    }

    /** How a reading becomes a value. */
    public enum Scope {
        /** A cumulative counter: the increase over the timed batch, divided by the batch size. */
        PER_OP,
        /** A cumulative counter: the increase over the timed batch, as is (e.g. collections). */
        PER_ITERATION,
        /** One figure for the whole benchmark run (e.g. the peak heap), not per iteration. */
        PER_RUN;

        /** The lowercase label the run format uses. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the measured iterations' values combine into one summary figure. */
    public enum Aggregate {
        /** The mean over the measured iterations. */
        MEAN,
        /** The total over the measured iterations. */
        SUM,
        /** The largest value. */
        MAX;

        /** The lowercase label the run format uses. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A metric that a benchmark reports itself with {@code ctx.metric(name, value)}: the mean of
     * the values reported during an iteration, neither direction better.
     */
    public static Metric custom(String name) {
        return new Metric(name, "", Direction.NEUTRAL, Scope.PER_ITERATION, Aggregate.MEAN,
                "reported by the benchmark with ctx.metric(\"" + name + "\", value)");
    }
}
