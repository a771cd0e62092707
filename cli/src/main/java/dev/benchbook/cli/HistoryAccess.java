package dev.benchbook.cli;

import dev.benchbook.history.HistoryException;
import dev.benchbook.history.HistoryStore;
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
 * <p>{@link #DEFAULT} opens the library's {@code HistoryStore}; tests pass an opener of their own.
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

    /**
     * The project's store ({@code dev.benchbook.history.HistoryStore}): {@code location}, else
     * {@code $BENCHBOOK_HISTORY}, else {@code .benchbook/history.db} under the project root. A store that cannot
     * be opened (not a database, a newer schema, an unreachable server) is a configuration error.
     */
    Opener DEFAULT = location -> {
        String where = location == null || location.isBlank() ? HistoryStore.defaultLocation() : location;
        try {
            return new Store(HistoryStore.open(where));
        } catch (HistoryException e) {
            throw CliException.usage(e.getMessage());
        }
    };

    /** {@link HistoryAccess} over the library's store. */
    record Store(HistoryStore store) implements HistoryAccess {
        @Override
        public String location() {
            return store.location();
        }

        @Override
        public long write(RunResult run, String label) {
            return store.write(run, label == null ? "" : label);
        }

        @Override
        public RunResult read(long id) {
            return store.read(id);
        }

        @Override
        public Table series(String benchmark, Map<String, String> params, String metric) {
            return store.series(benchmark, params, metric);
        }

        @Override
        public int importJmh(Path file, String label) {
            return store.importJmh(file, label == null ? "" : label);
        }

        @Override
        public RunNoise noise() {
            return store.noise();
        }

        @Override
        public void close() {
            store.close();
        }
    }

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

    /** Imports a JMH result file, or a folder of them; returns how many runs it stored (one per file). */
    int importJmh(Path file, String label);

    /** The run-to-run spread the detector uses as noise. */
    RunNoise noise();

    @Override
    void close();
}
