package dev.benchbook.result;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which metrics a run has, and which it lacks and why. Every metric that a sample or a run value
 * carries is described here; a metric the platform could not give is listed in {@code unsupported}
 * with its reason instead of appearing with a made-up number.
 *
 * @param metrics the metrics measured, wall time first, in table order
 * @param unsupported metric id to the reason it could not be measured, e.g. {@code "no hardware PMU
 *     exposed..."}
 */
public record MetricSet(List<Metric> metrics, Map<String, String> unsupported) {

    public MetricSet {
        metrics = List.copyOf(metrics);
        unsupported = Collections.unmodifiableMap(new LinkedHashMap<>(unsupported));
    }

    /** The metric with this id, if the run measured it. */
    public Optional<Metric> find(String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Whether the run measured metric {@code id}. */
    public boolean has(String id) {
        return find(id).isPresent();
    }

    /**
     * The metrics that {@code runs} actually carry: wall time, then every built-in metric present in
     * a sample or run value, then the others (custom metrics) in order of first appearance.
     */
    public static MetricSet inferred(List<BenchmarkRun> runs, Map<String, String> unsupported) {
        return inferred(runs, List.of(), unsupported);
    }

    /**
     * Like {@link #inferred(List, Map)}, describing the metrics of {@code known} (those of metric
     * sources) with their own descriptors; a metric that some run carries is never listed unsupported.
     */
    public static MetricSet inferred(List<BenchmarkRun> runs, List<Metric> known, Map<String, String> unsupported) {
        Set<String> seen = new LinkedHashSet<>();
        for (BenchmarkRun r : runs) {
            for (IterationSample s : r.samples()) {
                seen.addAll(s.values().keySet());
            }
            seen.addAll(r.runValues().keySet());
        }
        List<Metric> out = new ArrayList<>();
        out.add(Metrics.WALL_NS);
        for (Metric m : Metrics.BUILT_IN) {
            if (seen.remove(m.id())) {
                out.add(m);
            }
        }
        seen.remove(Metrics.WALL_NS.id());
        for (String id : seen) {
            out.add(known.stream().filter(m -> m.id().equals(id)).findFirst().orElseGet(() -> Metric.custom(id)));
        }
        Map<String, String> missing = new LinkedHashMap<>(unsupported);
        out.forEach(m -> missing.remove(m.id()));
        return new MetricSet(out, missing);
    }
}
