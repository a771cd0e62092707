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

    /** The lowest ratio both intervals allow: Benchbook's low bound ÷ JMH's high bound. */
    public double ratioLow() {
        return benchbook.lowNs() / jmh.highNs();
    }

    /** The highest ratio both intervals allow: Benchbook's high bound ÷ JMH's low bound (∞ if that is ≤ 0). */
    public double ratioHigh() {
        return jmh.lowNs() <= 0 ? Double.POSITIVE_INFINITY : benchbook.highNs() / jmh.lowNs();
    }

    /** Whether the two intervals overlap, i.e. the tools agree within their own stated errors. */
    public boolean agreesWithinErrors() {
        return benchbook.lowNs() <= jmh.highNs() && jmh.lowNs() <= benchbook.highNs();
    }
}
