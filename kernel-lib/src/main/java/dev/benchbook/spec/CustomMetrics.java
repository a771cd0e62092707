package dev.benchbook.spec;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a benchmark reports with {@link BenchContext#metric(String, double)} during one
 * iteration: per name, the sum and count of the reported values. Recording a name seen before
 * allocates nothing, so a benchmark may report inside the timed loop. Not thread-safe: one per
 * measuring thread.
 */
public final class CustomMetrics {
    private final Map<String, Integer> slots = new HashMap<>();
    private String[] names = new String[4];
    private double[] sums = new double[4];
    private long[] counts = new long[4];

    /**
     * Adds {@code value} to metric {@code name}.
     *
     * @throws IllegalArgumentException if the name is not a valid metric id, is a built-in metric's
     *     id, or the value is NaN or infinite
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
