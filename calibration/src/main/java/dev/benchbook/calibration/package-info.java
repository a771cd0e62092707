/**
 * The calibration program: {@link dev.benchbook.calibration.Calibrate} (the entry point), the
 * catalog of workloads with their JMH benchmark and Benchbook suite ({@link
 * dev.benchbook.calibration.Workloads}), and one runner per tool; the labeled evaluation of the
 * regression detector ({@link dev.benchbook.calibration.Detection}, with its workload, data file, analysis
 * and report helpers). Subpackages hold the shared workload code, the JMH benchmarks and the report.
 */
package dev.benchbook.calibration;
