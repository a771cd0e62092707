package dev.benchbook.xlang;

/**
 * One run of one implementation at the timed size, measured for that child process alone (see {@code
 * process.ChildRusage}).
 *
 * @param implementation the implementation's name
 * @param phase validation, warmup or timed
 * @param round the round (from 1) within its phase; in {@link Order#SEQUENTIAL} order the run's number
 *     within its phase of the implementation's block
 * @param position the run's place in its round's shuffled order (from 1); in sequential order its block's
 *     place among the blocks
 * @param wallNs wall time from fork to exit
 * @param userNs user CPU time of the child
 * @param sysNs system CPU time of the child
 * @param peakRssBytes the child's peak resident set ({@code ru_maxrss})
 * @param outputHash SHA-256 of its standard output, first 16 hex digits
 */
public record RunRecord(String implementation, Phase phase, int round, int position, long wallNs, long userNs,
        long sysNs, long peakRssBytes, String outputHash) {

    /** Which kind of run. */
    public enum Phase {
        /** The first run at the timed size, whose output is checked against the reference's; untimed. */
        VALIDATION,
        /** An untimed run after the validation run. */
        WARMUP,
        /** A timed run. */
        TIMED;

        /** The lower-case label shown in tables. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
