package dev.benchbook.spec;

import java.util.List;
import java.util.Map;

/**
 * A suite's definition without its code: names, params, run controls and checks. Results carry it
 * so that tables and reports can say what was run, and the run format stores it.
 *
 * @param name the suite's name
 * @param description free text, may be empty
 * @param params declared params
 * @param benchmarks benchmark names, in declaration order
 * @param controls the run controls used
 * @param checks the checks the run was verified against
 * @param baseline the reference benchmark of ratios, set with {@code .baseline(name)}; empty for none
 * @param sources per benchmark, the hash of its code (see {@code SourceHash}); a benchmark whose code
 *     could not be read, or a result imported from another tool, has none
 */
public record SuiteDescriptor(
        String name, String description, List<ParamSpec> params, List<String> benchmarks, RunControls controls,
        Checks checks, String baseline, Map<String, String> sources) {

    public SuiteDescriptor {
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sources));
        params = List.copyOf(params);
        benchmarks = List.copyOf(benchmarks);
        baseline = baseline == null ? "" : baseline;
        description = description == null ? "" : description;
    }

    /** A descriptor without source hashes. */
    public SuiteDescriptor(String name, String description, List<ParamSpec> params, List<String> benchmarks,
            RunControls controls, Checks checks, String baseline) {
        this(name, description, params, benchmarks, controls, checks, baseline, Map.of());
    }

    /** A descriptor without a baseline benchmark. */
    public SuiteDescriptor(String name, String description, List<ParamSpec> params, List<String> benchmarks,
            RunControls controls, Checks checks) {
        this(name, description, params, benchmarks, controls, checks, "");
    }

    /** A descriptor with the default checks, for results imported from other tools. */
    public SuiteDescriptor(
            String name, String description, List<ParamSpec> params, List<String> benchmarks, RunControls controls) {
        this(name, description, params, benchmarks, controls, Checks.defaults(), "");
    }

    /** The param names, in declaration order. */
    public List<String> paramNames() {
        return params.stream().map(ParamSpec::name).toList();
    }

    /** The hash of benchmark {@code name}'s code, or empty when unknown. */
    public String sourceHash(String name) {
        return sources.getOrDefault(name, "");
    }

    /** Whether a baseline benchmark was named. */
    public boolean hasBaseline() {
        return !baseline.isEmpty();
    }
}
