package dev.benchbook.result;

/** How one benchmark run at one param combination ended. */
public enum Status {
    /** Every iteration completed. */
    OK,
    /** Setup, the benchmark or teardown threw; the error message is recorded. */
    FAILED,
    /** The run exceeded its timeout and was stopped. */
    TIMED_OUT,
    /** The run held more live heap than its {@code memoryLimit} and was stopped. */
    MEMORY_EXCEEDED;

    /** The lowercase label used in tables: {@code ok}, {@code failed}, {@code timed_out}, {@code memory_exceeded}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
