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
 * @param machineBusy the share of all the machine's CPU time that was busy meanwhile, in [0, 1], NaN if
 *     unknown; on 2 CPUs a single-threaded benchmark alone shows about 0.5
 * @param earlyDrift the mean of the first fifth of the measured iterations (at least one) over the mean
 *     of the rest, minus 1: clearly above 0 when measuring began before the JIT was done; NaN with fewer
 *     than 2 iterations
 * @param cpuShare the measuring thread's CPU time over its wall time, Benchbook only (NaN for JMH): well
 *     below 1 when the thread was descheduled, i.e. other processes took its CPU
 */
public record Measurement(
        String workload, Tool tool, int round, double meanNs, double lowNs, double highNs, int n, String stop,
        double wallSeconds, double machineBusy, double earlyDrift, double cpuShare) {

    /** The same figure with the machine's busy share recorded. */
    public Measurement withMachineBusy(double busy) {
        return new Measurement(workload, tool, round, meanNs, lowNs, highNs, n, stop, wallSeconds, busy, earlyDrift,
                cpuShare);
    }
}
