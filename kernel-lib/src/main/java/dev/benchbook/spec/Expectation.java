package dev.benchbook.spec;

import java.util.Locale;

/**
 * A bound the user expects a benchmark's result to keep, such as "mean at most 500 ns". A violated
 * bound becomes a finding. Built with {@code dev.benchbook.Expect}.
 *
 * @param metric what is bounded
 * @param max the largest acceptable value, in the metric's unit
 * @param benchmark the benchmark it applies to, or null for every benchmark
 */
public record Expectation(Metric metric, double max, String benchmark) {

    /** The bounded metrics, with their summary-table column and unit. */
    public enum Metric {
        /** Mean wall time per operation. */
        MEAN_NS("mean_ns", "ns/op"),
        /** Allocated bytes per operation. */
        ALLOC_BYTES_PER_OP("alloc_bytes_per_op", "B/op"),
        /** Coefficient of variation of the per-iteration means. */
        CV("cv", "");

        private final String column;
        private final String unit;

        Metric(String column, String unit) {
            this.column = column;
            this.unit = unit;
        }

        /** The summary column this metric is read from. */
        public String column() {
            return column;
        }

        /** The unit, for messages. */
        public String unit() {
            return unit;
        }
    }

    /** The same bound, restricted to benchmark {@code name}. */
    public Expectation only(String name) {
        return new Expectation(metric, max, name);
    }

    /** Whether the bound applies to benchmark {@code name}. */
    public boolean appliesTo(String name) {
        return benchmark == null || benchmark.equals(name);
    }

    /** E.g. {@code mean_ns <= 500 ns/op (arrays.sort)}. */
    public String describe() {
        return metric.column() + " <= " + String.format(Locale.ROOT, "%s", max)
                + (metric.unit().isEmpty() ? "" : " " + metric.unit()) + (benchmark == null ? "" : " (" + benchmark + ")");
    }
}
