package dev.benchbook.result;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw figures of one iteration: one timed batch of {@code batchSize} invocations.
 *
 * @param index 0-based position among all iterations of the run (of its fork), warmup first
 * @param warmup whether this was a warmup iteration (excluded from statistics)
 * @param fork which JVM or process measured it: 0 in-process, 1..n for forked runs
 * @param batchSize invocations in the timed batch, {@code >= 1}
 * @param wallNs wall-clock nanoseconds of the whole batch
 * @param outputHash structural 64-bit hash of the output of this iteration's untimed verification
 *     invocation
 * @param values every other metric's value for this iteration, keyed by {@link Metric#id()}, already
 *     per operation where the metric's scope says so; a metric the platform could not give is absent,
 *     never a placeholder
 */
public record IterationSample(
        int index, boolean warmup, int fork, long batchSize, long wallNs, long outputHash, Map<String, Double> values) {

    public IterationSample {
        values = values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** This sample, attributed to fork {@code n}. */
    public IterationSample inFork(int n) {
        return new IterationSample(index, warmup, n, batchSize, wallNs, outputHash, values);
    }

    /** Wall-clock nanoseconds per operation. */
    public double wallNsPerOp() {
        return (double) wallNs / batchSize;
    }

    /**
     * The value of metric {@code id}: {@link #wallNsPerOp()} for {@code wall_ns}, NaN when this
     * sample lacks the metric.
     */
    public double value(String id) {
        if (Metrics.WALL_NS.id().equals(id)) {
            return wallNsPerOp();
        }
        Double v = values.get(id);
        return v == null ? Double.NaN : v;
    }

    /** Thread CPU nanoseconds per operation, or NaN if unsupported. */
    public double cpuNsPerOp() {
        return value(Metrics.CPU_NS.id());
    }

    /** Allocated bytes per operation, or NaN if unsupported. */
    public double allocBytesPerOp() {
        return value(Metrics.ALLOC_BYTES_PER_OP.id());
    }

    /** Garbage collections during the batch (JVM-wide), or 0 when not measured. */
    public long gcCount() {
        double v = value(Metrics.GC_COUNT.id());
        return Double.isNaN(v) ? 0 : (long) v;
    }

    /** Milliseconds of those collections, or 0 when not measured. */
    public long gcTimeMs() {
        double v = value(Metrics.GC_TIME_MS.id());
        return Double.isNaN(v) ? 0 : (long) v;
    }

    /**
     * A JVM sample with the four thread and GC counters; a negative {@code cpuNs} or {@code
     * allocBytes} means the platform does not give it, and the metric is left out.
     */
    public static IterationSample jvm(int index, boolean warmup, long batchSize, long wallNs, long cpuNs,
            long allocBytes, long gcCount, long gcTimeMs, long outputHash) {
        Map<String, Double> v = new LinkedHashMap<>();
        if (cpuNs >= 0) {
            v.put(Metrics.CPU_NS.id(), (double) cpuNs / batchSize);
        }
        if (allocBytes >= 0) {
            v.put(Metrics.ALLOC_BYTES_PER_OP.id(), (double) allocBytes / batchSize);
        }
        v.put(Metrics.GC_COUNT.id(), (double) gcCount);
        v.put(Metrics.GC_TIME_MS.id(), (double) gcTimeMs);
        return new IterationSample(index, warmup, 0, batchSize, wallNs, outputHash, v);
    }
}
