package dev.benchbook.calibration.report;

/**
 * One tool's figure for one workload in one round.
 *
 * @param workload the workload id
 * @param tool which tool measured it
 * @param round the round, from 1
 * @param meanNs the mean time per operation, ns (JMH's score, Benchbook's mean_ns)
 * @param lowNs the lower bound of the 99.9% confidence interval, ns
 * @param highNs the upper bound of the 99.9% confidence interval, ns
 * @param n the measured iterations the figure rests on
 * @param stop why measuring stopped: Benchbook's stop_reason, {@code fixed} for JMH
 * @param wallSeconds the wall time the tool took for this workload in this round, s
 */
public record Measurement(
        String workload, Tool tool, int round, double meanNs, double lowNs, double highNs, int n, String stop,
        double wallSeconds) {}
