package dev.benchbook.spec;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The figures a benchmark reports with {@link BenchContext#metric(String, double)} during one
 * iteration: per name, the sum and count of the reported values. Recording a name seen before
 * allocates nothing, so a benchmark may report inside the timed loop. Not thread-safe: one per
 * measuring thread.
 */
public final class CustomMetrics {
    /**
     * The result tables' fixed column names that are not metric ids ({@code table.Columns.RESERVED},
     * which this layer cannot see; a test checks that every one of those is refused here). A custom
     * metric of such a name would give a table two columns of one name.
     */
    private static final Set<String> FIXED_COLUMNS = Set.of("suite", "benchmark", "status", "error", "iteration",
            "warmup", "batch_size", "output_hash", "n_iterations", "mean_ns", "median_ns", "stddev_ns", "cv",
            "ci_low_ns", "ci_high_ns", "ci_level", "min_ns", "max_ns", "deterministic", "precision",
            "target_precision", "target_met", "stop_reason", "precision_miss", "boot_ci_low_ns", "boot_ci_high_ns",
            "outliers_mild", "outliers_severe", "outlier", "steady_from", "steady", "forks", "between_fork_cv",
            "within_fork_cv", "fork", "warmup_iterations", "warmup_steady", "ratio", "ratio_ci_low", "ratio_ci_high",
            "runner", "mean", "findings", "p50", "p99");

    private final Set<String> params;
    private final Map<String, Integer> slots = new HashMap<>();
    private String[] names = new String[4];
    private double[] sums = new double[4];
    private long[] counts = new long[4];

    /** An accumulator for a benchmark without params. */
    public CustomMetrics() {
        this(Set.of());
    }

    /** An accumulator for a benchmark run whose params, and so param columns, are {@code paramNames}. */
    public CustomMetrics(Set<String> paramNames) {
        this.params = Set.copyOf(paramNames);
    }

    /**
     * Adds {@code value} to metric {@code name}.
     *
     * @throws IllegalArgumentException if the name is not a valid metric id, is a built-in metric's
     *     id, a fixed result column's or a param's name, ends in {@code _ci_low} or {@code _ci_high}, or
     *     the value is NaN or infinite
     */
    public void record(String name, double value) {
        Integer slot = slots.get(name);
        int i = slot == null ? register(name) : slot;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("ctx.metric(\"" + name + "\", " + value + "): the value must be a "
                    + "finite number; report a count, a size or a ratio");
        }
        sums[i] += value;
        counts[i]++;
    }

    /** Forgets the values recorded so far; the names stay registered. */
    public void reset() {
        Arrays.fill(counts, 0);
        Arrays.fill(sums, 0);
    }

    /** Puts the mean of each metric reported since the last {@link #reset()} into {@code into}. */
    public void meansInto(Map<String, Double> into) {
        for (int i = 0; i < slots.size(); i++) {
            if (counts[i] > 0) {
                into.put(names[i], sums[i] / counts[i]);
            }
        }
    }

    /** The means since the last reset, in order of first report. */
    public Map<String, Double> means() {
        Map<String, Double> m = new LinkedHashMap<>();
        meansInto(m);
        return m;
    }

    private int register(String name) {
        if (name == null || !Metric.ID.matcher(name).matches()) {
            throw new IllegalArgumentException("ctx.metric(name=\"" + name + "\"): a metric name must match "
                    + Metric.ID.pattern() + " (lowercase letters, digits, underscores); use e.g. ctx.metric(\"rows\", n)");
        }
        if (Metrics.builtIn(name).isPresent()) {
            throw new IllegalArgumentException("ctx.metric(name=\"" + name + "\"): that is a built-in metric Benchbook "
                    + "measures itself; report yours under another name, e.g. \"my_" + name + "\"");
        }
        boolean interval = name.endsWith("_ci_low") || name.endsWith("_ci_high");
        String clash = FIXED_COLUMNS.contains(name) ? "the name of a fixed result column"
                : params.contains(name) ? "the name of a param of this suite"
                : interval ? "named like the interval column of another metric" : null;
        if (clash != null) {
            String instead = interval ? name.replaceFirst("_ci_(low|high)$", "_$1") : "my_" + name;
            throw new IllegalArgumentException("ctx.metric(name=\"" + name + "\"): that is " + clash + ", so the "
                    + "result tables could not tell the two apart; report yours under another name, e.g. \""
                    + instead + "\"");
        }
        int i = slots.size();
        if (i == names.length) {
            names = Arrays.copyOf(names, i * 2);
            sums = Arrays.copyOf(sums, i * 2);
            counts = Arrays.copyOf(counts, i * 2);
        }
        names[i] = name;
        slots.put(name, i);
        return i;
    }
}
