package dev.benchbook.calibration.report;

/** The calibration's targets. Each verdict in the report names the one it checks. */
public final class Targets {
    private Targets() {}

    /** Median over workloads of |Benchbook/JMH − 1|: at most 3%. */
    public static final double MEDIAN_DEVIATION = 0.03;

    /** Worst workload's |Benchbook/JMH − 1|: at most 8%. */
    public static final double WORST_DEVIATION = 0.08;

    /** Benchbook's correct pitfall variant ÷ JMH's correct variant: at least 0.8. */
    public static final double PITFALL_RATIO = 0.8;

    /** Benchbook's default wall time per workload ÷ JMH's default wall time: at most 0.1. */
    public static final double TIME_RATIO = 0.1;
}
