package dev.benchbook.result;

/** Why the measuring phase of a benchmark run ended. */
public enum StopReason {
    /** The run measured the fixed number of iterations it was asked for. */
    FIXED,
    /** The adaptive run reached its precision target. */
    TARGET_MET,
    /** The adaptive run hit its iteration cap before reaching the target. */
    ITERATION_CAP,
    /** The adaptive run hit its time cap before reaching the target. */
    TIME_CAP,
    /** The run did not finish measuring: it failed or timed out. */
    NONE;

    /** The lowercase label used in tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
