package dev.benchbook.cli;

import dev.benchbook.regress.RunNoise;
import dev.benchbook.result.RunResult;
import java.nio.file.Path;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The CLI's one door to the history store ({@code dev.benchbook.History}): {@code run} writes into it, {@code
 * history} and {@code import-jmh} read and fill it, {@code check} takes the run-to-run noise from it. Everything
 * else works without it.
 *
 * <p>The store is not part of this build yet, so {@link #DEFAULT} reports it unavailable; switching it on is
 * {@link #DEFAULT} opening {@code HistoryStore.open(location)} (or {@code openDefault()} for a null location)
 * and delegating these methods to it one by one.
 */
interface HistoryAccess extends AutoCloseable {
    /** The environment variable that names the store: a file path (SQLite) or a {@code jdbc:postgresql:} URL. */
    String ENV = "BENCHBOOK_HISTORY";

    /** Opens the store at a location, or the default one for null. */
    @FunctionalInterface
    interface Opener {
        /**
         * The store at {@code location} (null: {@code $BENCHBOOK_HISTORY} or the default location).
         *
         * @throws CliException with {@link ExitCodes#USAGE} when it cannot be opened or the build has none
         */
        HistoryAccess open(String location);

        /** Whether this build has a history store at all; when it has none, runs skip it silently. */
        default boolean available() {
            return true;
        }
    }

    /** What the build has today: no store. */
    Opener DEFAULT = new Opener() {
        @Override
        public HistoryAccess open(String location) {
            throw CliException.usage("the history store is not part of this build yet" + (location == null ? ""
                    : " (asked for " + location + ")") + "; run without --history, or use a build that has "
                    + "dev.benchbook.History");
        }

        @Override
        public boolean available() {
            return false;
        }
    };

    /** Where the store is, for messages. */
    String location();

    /** Writes {@code run} with {@code label} (may be empty) and returns its run id. */
    long write(RunResult run, String label);

    /** One run read back by id. */
    RunResult read(long id);

    /**
     * One benchmark's metric over the stored runs, oldest first: run_id, started, commit, branch, label, the
     * params, metric, value, ci_low, ci_high, n, segment, change_point, accepted.
     *
     * @param params the param values to keep, null for all
     */
    Table series(String benchmark, Map<String, String> params, String metric);

    /** Imports a JMH result file; returns how many benchmark runs it added. */
    int importJmh(Path file, String label);

    /** The run-to-run spread the detector uses as noise. */
    RunNoise noise();

    @Override
    void close();
}
