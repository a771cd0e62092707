package dev.benchbook.spec;

import dev.benchbook.metric.MetricSource;
import java.util.List;

/**
 * A validated, immutable suite, ready to run. Built by {@code Bench.suite(...)...build()}; a {@code
 * SuiteFactory} returns one, so that a fresh JVM can build the same suite again.
 *
 * @param name the suite's name
 * @param description free text, may be empty
 * @param params declared params, in declaration order
 * @param benchmarks declared benchmarks, in declaration order
 * @param setup builds the state of one benchmark run, or {@code null}
 * @param teardown releases that state, or {@code null}
 * @param controls how the suite runs
 * @param checks what the run verifies
 * @param baseline the reference benchmark of ratios, or empty
 * @param metricSources metric sources registered in the DSL, besides the built-in and service-loaded ones
 */
public record SuiteSpec(
        String name,
        String description,
        List<ParamSpec> params,
        List<BenchmarkSpec> benchmarks,
        Setup<Object> setup,
        Teardown<Object> teardown,
        RunControls controls,
        Checks checks,
        String baseline,
        List<MetricSource> metricSources) {

    public SuiteSpec {
        params = List.copyOf(params);
        benchmarks = List.copyOf(benchmarks);
        baseline = baseline == null ? "" : baseline;
        metricSources = List.copyOf(metricSources);
    }

    /** A suite without a baseline benchmark or extra metric sources. */
    public SuiteSpec(String name, String description, List<ParamSpec> params, List<BenchmarkSpec> benchmarks,
            Setup<Object> setup, Teardown<Object> teardown, RunControls controls, Checks checks) {
        this(name, description, params, benchmarks, setup, teardown, controls, checks, "", List.of());
    }

    /** The same suite run under {@code other} controls. */
    public SuiteSpec withControls(RunControls other) {
        return new SuiteSpec(name, description, params, benchmarks, setup, teardown, other, checks, baseline,
                metricSources);
    }

    /** Every param combination, the first param varying slowest. */
    public List<ParamSet> paramSets() {
        return ParamSet.cartesian(params);
    }

    /** The benchmark named {@code name}, if declared. */
    public java.util.Optional<BenchmarkSpec> benchmark(String name) {
        return benchmarks.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The suite's definition without code: what results and reports carry. */
    public SuiteDescriptor describe() {
        return new SuiteDescriptor(name, description, params, benchmarks.stream().map(BenchmarkSpec::name).toList(),
                controls, checks, baseline, SourceHash.of(this));
    }
}
