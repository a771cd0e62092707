package dev.benchbook.calibration;

import dev.benchbook.Suite;
import dev.benchbook.calibration.report.Role;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One workload as both tools run it.
 *
 * @param id the short name used in the report, e.g. {@code sort.10k}
 * @param role what the workload's figures are for
 * @param jmhBenchmark the fully qualified JMH benchmark method, e.g. {@code ...SortingBench.sort}
 * @param jmhParams the JMH {@code @Param} values to run it with; empty when it has none
 * @param benchbook builds a fresh Benchbook suite with one benchmark, left at Benchbook's defaults
 */
public record Workload(
        String id, Role role, String jmhBenchmark, Map<String, String> jmhParams, Supplier<Suite<?>> benchbook) {

    public Workload {
        jmhParams = Map.copyOf(jmhParams);
    }
}
