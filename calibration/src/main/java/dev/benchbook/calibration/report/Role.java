package dev.benchbook.calibration.report;

/** What a workload's pair of figures is for in the report. */
public enum Role {
    /** A workload both tools should time alike; it counts towards the agreement targets. */
    AGREEMENT,
    /**
     * The empty benchmark: each tool's own timed loop with nothing in it. Shown beside the agreement
     * rows but not counted: it measures how each harness loops, not how it times a workload, and the
     * two loops differ by design (see the README).
     */
    HARNESS_OVERHEAD,
    /** The correct form of the polynomial: result returned, input from state. Counts for agreement too. */
    PITFALL_CORRECT,
    /** The polynomial with its result discarded: what a harness without a sink lets the JIT delete. */
    DEAD_CODE,
    /** The polynomial on a literal input: what the JIT can fold to a constant. */
    CONSTANT_FOLDED;

    /** Whether the workload's ratio counts towards the median and worst agreement figures. */
    public boolean countsForAgreement() {
        return this == AGREEMENT || this == PITFALL_CORRECT;
    }
}
