package dev.benchbook.spec;

import java.util.List;

/**
 * A validated, immutable suite, ready to run. Built by {@code Bench.suite(...)...build()}.
 *
 * @param name the suite's name
 * @param description free text, may be empty
 * @param params declared params, in declaration order
 * @param benchmarks declared benchmarks, in declaration order
 * @param setup builds the state of one benchmark run, or {@code null}
 * @param teardown releases that state, or {@code null}
 * @param controls how the suite runs
 * @param checks what the run verifies
 */
public record SuiteSpec(
        String name,
        String description,
        List<ParamSpec> params,
        List<BenchmarkSpec> benchmarks,
        Setup<Object> setup,
        Teardown<Object> teardown,
        RunControls controls,
        Checks checks) {

    public SuiteSpec {
        params = List.copyOf(params);
        benchmarks = List.copyOf(benchmarks);
    }

    /** The same suite run under {@code other} controls. */
    public SuiteSpec withControls(RunControls other) {
        return new SuiteSpec(name, description, params, benchmarks, setup, teardown, other, checks);
    }

    /** Every param combination, the first param varying slowest. */
    public List<ParamSet> paramSets() {
        return ParamSet.cartesian(params);
    }

    /** The suite's definition without code: what results and reports carry. */
    public SuiteDescriptor describe() {
        return new SuiteDescriptor(name, description, params,
                benchmarks.stream().map(BenchmarkSpec::name).toList(), controls, checks);
    }
}
