package dev.benchbook.calibration.report;

/**
 * One workload compared: both tools' combined figures.
 *
 * @param workload the workload id
 * @param role what the row is for
 * @param jmh JMH's rounds, combined
 * @param benchbook Benchbook's rounds, combined
 * @param benchbookStops Benchbook's stop reasons over the rounds, e.g. {@code target_met×3}
 */
public record Row(String workload, Role role, Combined jmh, Combined benchbook, String benchbookStops) {

    /** Benchbook's mean ÷ JMH's mean. */
    public double ratio() {
        return benchbook.meanNs() / jmh.meanNs();
    }

    /** |ratio − 1|. */
    public double deviation() {
        return Comparison.deviation(ratio());
    }
}
