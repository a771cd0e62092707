/**
 * The JMH side: {@code @Benchmark} methods that call the shared workload code, each with its
 * {@code @State} built by the same factories as Benchbook's setup. Modes, times, iterations and forks
 * are not annotated here: the calibration sets them through JMH's {@code OptionsBuilder}, so the
 * JMH defaults quoted in the report stay JMH's own. The annotation processor generates the stubs
 * into {@code jmh_generated} subpackages.
 */
package dev.benchbook.calibration.jmh;
