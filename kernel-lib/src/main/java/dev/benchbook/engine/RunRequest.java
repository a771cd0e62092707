package dev.benchbook.engine;

import dev.benchbook.metric.MetricSource;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteSpec;
import java.util.List;

/**
 * One benchmark at one param combination, as the suite runner hands it to a runner.
 *
 * @param suite the whole suite, with its controls (whose {@code jvmArgs} include every option that
 *     extensions asked for)
 * @param bench the benchmark
 * @param params the param combination
 * @param paramIndex the combination's position in {@link SuiteSpec#paramSets()}, so that a fresh JVM
 *     can find the same combination
 * @param metricSources the metric sources to read around every batch, besides a runner's own
 */
public record RunRequest(SuiteSpec suite, BenchmarkSpec bench, ParamSet params, int paramIndex,
        List<MetricSource> metricSources) {

    public RunRequest {
        metricSources = List.copyOf(metricSources);
    }

    /** E.g. {@code arrays.sort [size=1000]}, for messages. */
    public String label() {
        return bench.name() + (params.values().isEmpty() ? "" : " [" + params + "]");
    }
}
