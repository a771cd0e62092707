package dev.benchbook.xlang;

import java.util.List;

/**
 * What happened to one implementation in a comparison.
 *
 * @param implementation what was compared
 * @param toolchain its tools and versions; null when one is missing
 * @param status {@link Status}
 * @param problem why the status is not {@code ok}, for the user (the compiler's stderr, the first
 *     differing line, the exit code and stderr of a failed run, ...); empty when ok
 * @param build the build, or null when there is none (interpreted) or it failed
 * @param runs every run at the timed size: the validation run, the warmups and the timed runs
 * @param outputHash the SHA-256 of the validated output at the timed size (first 16 hex digits); empty
 *     when none was validated
 * @param counts the instruction counts, or null when not asked for or not available
 * @param countsProblem why there are no counts when they were asked for; empty otherwise
 * @param command the argument vector of the timed runs, absolute paths; empty when it never got that far
 */
public record ImplementationResult(Implementation implementation, Toolchain toolchain, Status status,
        String problem, BuildCache.Build build, List<RunRecord> runs, String outputHash, InstructionCounts counts,
        String countsProblem, List<String> command) {

    public ImplementationResult {
        runs = List.copyOf(runs);
        command = List.copyOf(command);
    }

    /** The outcome of an implementation, in the order the stages run. */
    public enum Status {
        /** Its toolchain is not installed. */
        MISSING_TOOLCHAIN("missing-toolchain"),
        /** Its build failed. */
        BUILD_FAILED("build-failed"),
        /** A run exited with an error, or could not start. */
        RUN_FAILED("run-failed"),
        /** A run took longer than the timeout. */
        TIMEOUT("timeout"),
        /** Its output differs from the reference's (or from the known answer). */
        INVALID("invalid"),
        /** The reference failed, so there was nothing to check this output against; it was not timed. */
        UNVALIDATED("unvalidated"),
        /** Validated and timed. */
        OK("ok");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The lower-case label shown in tables. */
        public String label() {
            return label;
        }
    }

    /** The implementation's name. */
    public String name() {
        return implementation.name();
    }

    /** True when it was validated and timed. */
    public boolean ok() {
        return status == Status.OK;
    }

    /** The timed runs' records. */
    public List<RunRecord> timed() {
        return runs.stream().filter(r -> r.phase() == RunRecord.Phase.TIMED).toList();
    }

    /** Wall times of the timed runs, ns. */
    public double[] wallNs() {
        return timed().stream().mapToDouble(RunRecord::wallNs).toArray();
    }
}
