package dev.benchbook.history;

import dev.benchbook.baseline.Baselines;
import dev.benchbook.codec.RunFormatException;
import dev.benchbook.codec.RunJson;
import dev.benchbook.jmh.JmhJson;
import dev.benchbook.regress.RunNoise;
import dev.benchbook.regress.RunSpread;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every run ever recorded, in an SQLite file (the default, no server) or a PostgreSQL database (for
 * teams), with one schema kept by Flyway. A run is stored whole or not at all, in one transaction: its
 * run file (so {@link #read} gives back the equal {@link RunResult}), every raw value per iteration and
 * fork ({@link #raw}), and its estimate per benchmark × params × metric, from which {@link #series}
 * reads a benchmark's history with its change points. Safe for several threads, and for several
 * stores (in this or other processes) writing the same location at once.
 */
public final class HistoryStore implements AutoCloseable {
    /** Environment variable with the store's location: a file path, or a {@code jdbc:postgresql://} URL. */
    public static final String ENV = "BENCHBOOK_HISTORY";
    /** The default store's path under the project root. */
    public static final String DEFAULT_FILE = ".benchbook/history.db";

    /** Column names of the tables this store returns. */
    public static final String RUN_ID = "run_id", STARTED = "started", SUITE = "suite", LABEL = "label",
            COMMIT = "commit", BRANCH = "branch", DIRTY = "dirty", FINGERPRINT = "fingerprint", HOST = "host",
            BENCHMARKS = "benchmarks", BENCHMARK = "benchmark", PARAMS = "params", METRIC = "metric",
            VALUE = "value", CI_LOW = "ci_low", CI_HIGH = "ci_high", N = "n", SEGMENT = "segment",
            CHANGE_POINT = "change_point", ACCEPTED = "accepted", FORK = "fork", ITERATION = "iteration",
            WARMUP = "warmup", NOTE = "note", ACCEPTED_AT = "accepted_at";

    private final Location loc;
    private final Connection conn;
    private final StoreWriter writer;
    private final StoreQueries db;
    private boolean closed;

    private HistoryStore(Location loc, Connection conn) {
        this.loc = loc;
        this.conn = conn;
        this.writer = new StoreWriter(conn);
        this.db = new StoreQueries(loc, conn, writer);
    }

    /**
     * {@code $BENCHBOOK_HISTORY} when set, else {@value #DEFAULT_FILE} under the project root (the top of
     * the git work tree holding the working directory, else the working directory).
     */
    public static String defaultLocation() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        return Baselines.projectRoot(Path.of("").toAbsolutePath()).resolve(DEFAULT_FILE).toString();
    }

    /** Opens the store at {@link #defaultLocation()}. */
    public static HistoryStore openDefault() {
        return open(defaultLocation());
    }

    /**
     * Opens a store, creating it (and an SQLite file's folders) when absent and migrating its schema.
     *
     * @param location a file path (SQLite), or a {@code jdbc:postgresql://host:port/database} URL, optionally
     *     with {@code ?currentSchema=name} (created when absent); user and password come from the URL or from
     *     {@code BENCHBOOK_HISTORY_USER} and {@code BENCHBOOK_HISTORY_PASSWORD}
     * @throws IllegalArgumentException if the location is blank or another kind of JDBC URL
     * @throws HistoryException if the file is not an SQLite database, the store holds something else or a
     *     newer schema than this build knows, or the server cannot be reached; the message names the store,
     *     the problem and the fix
     */
    public static HistoryStore open(String location) {
        Location loc = Location.parse(location, System.getenv());
        loc.checkFile();
        var ds = loc.dataSource();
        // Connect first, so that an unreachable server is reported as such rather than as a failed migration.
        Connection conn = loc.connect(ds);
        try {
            Schema.migrate(loc, ds);
        } catch (RuntimeException e) {
            try {
                conn.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new HistoryStore(loc, conn);
    }

    /** The store as messages name it: its file, or its URL without the password. */
    public String location() {
        return loc.display();
    }

    /**
     * Stores {@code run} in one transaction, whole or not at all.
     *
     * @param label free text shown in {@link #runs()} and {@link #series}, e.g. "before the cache"; null for none
     * @return the run's id, increasing with every run written to this store
     */
    public long write(RunResult run, String label) {
        return writeAll(List.of(run), label)[0];
    }

    /**
     * Stores several runs in one transaction: all of them or none (a bulk import; one commit is much
     * cheaper than one per run).
     *
     * @return their ids, in order
     */
    public synchronized long[] writeAll(List<RunResult> runs, String label) {
        open();
        if (runs == null || runs.stream().anyMatch(r -> r == null)) {
            throw new IllegalArgumentException("runs: must not be null nor hold null; pass Results.result()");
        }
        long[] ids = new long[runs.size()];
        db.inTransaction(() -> {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = writer.write(runs.get(i), label == null ? "" : label);
            }
        });
        return ids;
    }

    /** Every stored run, oldest first: run_id, started, suite, label, commit, branch, dirty, fingerprint (the environment's hash), host, benchmarks (how many). */
    public synchronized Table runs() {
        open();
        LongColumn id = LongColumn.create(RUN_ID);
        InstantColumn started = InstantColumn.create(STARTED);
        StringColumn suite = StringColumn.create(SUITE);
        StringColumn label = StringColumn.create(LABEL);
        StringColumn commit = StringColumn.create(COMMIT);
        StringColumn branch = StringColumn.create(BRANCH);
        BooleanColumn dirty = BooleanColumn.create(DIRTY);
        StringColumn fingerprint = StringColumn.create(FINGERPRINT);
        StringColumn host = StringColumn.create(HOST);
        IntColumn benchmarks = IntColumn.create(BENCHMARKS);
        db.query("SELECT run_id, started_ns, suite, label, git_commit, branch, dirty, fingerprint, host, benchmarks "
                + "FROM runs ORDER BY started_ns, run_id", ps -> {}, rs -> {
                    id.append(rs.getLong(1));
                    started.append(StoreWriter.instant(rs.getLong(2)));
                    suite.append(rs.getString(3));
                    label.append(rs.getString(4));
                    commit.append(rs.getString(5));
                    branch.append(rs.getString(6));
                    dirty.append(rs.getBoolean(7));
                    fingerprint.append(rs.getString(8));
                    host.append(rs.getString(9));
                    benchmarks.append(rs.getInt(10));
                });
        return Table.create("runs", id, started, suite, label, commit, branch, dirty, fingerprint, host, benchmarks);
    }

    /**
     * The run stored as {@code runId}, equal to the one written.
     *
     * @throws HistoryException if there is no such run (the message names the id and the ids there are)
     */
    public synchronized RunResult read(long runId) {
        open();
        List<byte[]> doc = new ArrayList<>();
        db.query("SELECT run_json_gz FROM run_documents WHERE run_id = ?", ps -> ps.setLong(1, runId),
                rs -> doc.add(rs.getBytes(1)));
        if (doc.isEmpty()) {
            throw db.noRun(runId);
        }
        try {
            return RunJson.parse(StoreWriter.gunzip(doc.get(0)), loc.display() + " run " + runId).result();
        } catch (RunFormatException | IOException e) {
            throw new HistoryException(loc.display(), "run " + runId + " cannot be read back: " + e.getMessage()
                    + "; the store is damaged: the other runs are intact, and this one can only be written again", e);
        }
    }

    /**
     * A benchmark's history of one metric: one row per stored run (per run and param combination when
     * {@code params} is null), oldest first. Columns: run_id, started, commit, branch, label, then, when
     * {@code params} is null, params (the combination as text, e.g. {@code size=1000}) and one text column per
     * param, then metric, value (the run's estimate: the mean its summary shows, or the total, peak or run
     * value the metric names), ci_low, ci_high (its Student-t interval at the run's level, missing when there
     * is none), n (values behind it), segment (0 on, one more after each accepted change), change_point (true
     * where {@code ChangePoints.detect} finds a change within the segment) and accepted (true on an accepted run).
     *
     * @param params the param combination (names to values as text), or null for every combination
     * @param metric a metric id, e.g. {@code wall_ns}
     * @throws HistoryException if the store has no such benchmark, metric or combination; the message lists those it has
     */
    public synchronized Table series(String benchmark, Map<String, String> params, String metric) {
        open();
        Map<Long, Map<String, String>> matching = db.matching(benchmark, params, metric);
        List<Series.Row> rows = db.rows(matching.keySet());
        String name = benchmark + " " + metric + (params == null || params.isEmpty() ? "" : " " + ParamsKey.of(params));
        return Series.table(name, metric, rows, matching, params == null, db.acceptedRuns(matching.keySet()));
    }

    /**
     * The estimates of one series, oldest first: the {@code value} column of {@link #series}.
     *
     * @param params the combination; null only when the benchmark has a single one
     * @throws HistoryException if the series is unknown, or params is null and there are several combinations
     */
    public synchronized double[] values(String benchmark, Map<String, String> params, String metric) {
        open();
        long series = db.single(benchmark, params, metric);
        return db.rows(Set.of(series)).stream().mapToDouble(Series.Row::value).toArray();
    }

    /** Every raw value of run {@code runId} in its order: benchmark, params, metric, fork, iteration (-1 for a run-level value), value, warmup. */
    public synchronized Table raw(long runId) {
        open();
        db.requireRun(runId);
        StringColumn benchmark = StringColumn.create(BENCHMARK);
        StringColumn params = StringColumn.create(PARAMS);
        StringColumn metric = StringColumn.create(METRIC);
        IntColumn fork = IntColumn.create(FORK);
        IntColumn iteration = IntColumn.create(ITERATION);
        DoubleColumn value = DoubleColumn.create(VALUE);
        BooleanColumn warmup = BooleanColumn.create(WARMUP);
        db.query("SELECT s.benchmark, s.params, s.metric, x.fork, x.iteration, x.value, x.warmup FROM samples x "
                + "JOIN series s ON s.series_id = x.series_id WHERE x.run_id = ? ORDER BY x.ordinal",
                ps -> ps.setLong(1, runId), rs -> {
                    benchmark.append(rs.getString(1));
                    params.append(rs.getString(2));
                    metric.append(rs.getString(3));
                    fork.append(rs.getInt(4));
                    iteration.append(rs.getInt(5));
                    double v = rs.getDouble(6);
                    value.append(rs.wasNull() ? Double.NaN : v);
                    warmup.append(rs.getBoolean(7));
                });
        return Table.create("run " + runId, benchmark, params, metric, fork, iteration, value, warmup);
    }

    /**
     * Accepts the change at run {@code runId} as the new normal of one series: from that run on, the
     * series starts a new segment, so earlier runs no longer count for change points or {@link #noise()}.
     *
     * @param params the combination; null only when the benchmark has a single one
     * @param note why, e.g. "new allocator; 5% slower is expected"
     * @throws HistoryException if the series is unknown or run {@code runId} has no value in it
     */
    public synchronized void accept(String benchmark, Map<String, String> params, String metric, long runId,
            String note) {
        open();
        long series = db.single(benchmark, params, metric);
        db.requireRun(runId);
        boolean[] has = {false};
        db.query("SELECT 1 FROM points WHERE series_id = ? AND run_id = ?", ps -> {
            ps.setLong(1, series);
            ps.setLong(2, runId);
        }, rs -> has[0] = true);
        if (!has[0]) {
            throw new HistoryException(loc.display(), "run " + runId + " has no " + metric + " value for " + benchmark
                    + StoreQueries.describe(params) + "; accept a run_id listed by series(\"" + benchmark + "\", ..., \"" + metric + "\")");
        }
        db.inTransaction(() -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO acceptances (series_id, run_id, note, "
                    + "accepted_ns) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, series);
                ps.setLong(2, runId);
                ps.setString(3, note == null ? "" : note);
                ps.setLong(4, StoreWriter.nanos(Instant.now()));
                ps.executeUpdate();
            }
        });
    }

    /** Every acceptance, in the order made: run_id, benchmark, params, metric, note, accepted_at. */
    public synchronized Table acceptances() {
        open();
        LongColumn run = LongColumn.create(RUN_ID);
        StringColumn benchmark = StringColumn.create(BENCHMARK);
        StringColumn params = StringColumn.create(PARAMS);
        StringColumn metric = StringColumn.create(METRIC);
        StringColumn note = StringColumn.create(NOTE);
        InstantColumn at = InstantColumn.create(ACCEPTED_AT);
        db.query("SELECT a.run_id, s.benchmark, s.params, s.metric, a.note, a.accepted_ns FROM acceptances a "
                + "JOIN series s ON s.series_id = a.series_id ORDER BY a.acceptance_id", ps -> {}, rs -> {
                    run.append(rs.getLong(1));
                    benchmark.append(rs.getString(2));
                    params.append(rs.getString(3));
                    metric.append(rs.getString(4));
                    note.append(rs.getString(5));
                    at.append(StoreWriter.instant(rs.getLong(6)));
                });
        return Table.create("acceptances", run, benchmark, params, metric, note, at);
    }

    /** The names of every benchmark with at least one stored value, sorted. */
    public synchronized List<String> benchmarks() {
        open();
        return db.benchmarks();
    }

    /**
     * Imports JMH JSON results ({@code -rf json}) with the existing JMH import, in one transaction. JMH's file
     * carries no time, so a run's {@code started} is the file's modification time.
     *
     * @param jmhJson a JMH result file, or a folder whose {@code *.json} files are all imported, oldest first
     * @return how many runs were stored: one per file
     * @throws dev.benchbook.jmh.JmhFormatException if a file is not JMH output (the message names it)
     */
    public int importJmh(Path jmhJson, String label) {
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(jmhJson) ? Files.list(jmhJson) : Stream.of(jmhJson)) {
            files = s.filter(p -> !Files.isDirectory(p) && p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(jmhJson + ": cannot be listed: " + e.getMessage(), e);
        }
        List<RunResult> runs = new ArrayList<>();
        for (Path f : files) {
            RunResult r = JmhJson.read(f);
            Instant t;
            try {
                t = Files.getLastModifiedTime(f).toInstant();
            } catch (IOException e) {
                throw new UncheckedIOException(f + ": cannot be read: " + e.getMessage(), e);
            }
            runs.add(new RunResult(r.suite(), r.environment(), r.git(), t, r.elapsed(), r.runs(), r.metrics()));
        }
        List<RunResult> ordered = new ArrayList<>(runs);
        ordered.sort((a, b) -> a.started().compareTo(b.started()));
        return writeAll(ordered, label).length;
    }

    /**
     * The run-to-run noise of every series, for the regression detector: {@link RunSpread#of} over each
     * series' per-run medians (robust to a few slow iterations; the value for points without one) since its
     * last accepted change. A snapshot: it stays valid after this store closes.
     */
    public synchronized RunNoise noise() {
        open();
        Map<Long, RunRows.Key> keys = new HashMap<>();
        db.query("SELECT series_id, benchmark, params, metric FROM series", ps -> {}, rs ->
                keys.put(rs.getLong(1), new RunRows.Key(rs.getString(2), rs.getString(3), rs.getString(4))));
        Map<Long, List<Double>> values = new HashMap<>();
        Map<Long, List<Long>> runIds = new HashMap<>();
        db.query("SELECT p.series_id, p.run_id, COALESCE(p.median, p.value) FROM points p JOIN runs r ON r.run_id = p.run_id "
                + "ORDER BY r.started_ns, p.run_id", ps -> {}, rs -> {
                    long s = rs.getLong(1);
                    runIds.computeIfAbsent(s, k -> new ArrayList<>()).add(rs.getLong(2));
                    values.computeIfAbsent(s, k -> new ArrayList<>()).add(rs.getDouble(3));
                });
        Map<Long, Set<Long>> accepted = db.acceptedRuns(keys.keySet());
        Map<RunRows.Key, RunSpread> spreads = new HashMap<>();
        values.forEach((s, v) -> {
            RunSpread spread = RunSpread.of(Series.sinceLastAcceptance(v, runIds.get(s), accepted.getOrDefault(s, Set.of())));
            if (spread != null) {
                spreads.put(keys.get(s), spread);
            }
        });
        return (benchmark, params, metric) -> spreads.get(new RunRows.Key(benchmark,
                ParamsKey.of(params == null ? ParamSet.EMPTY : params), metric));
    }

    /** Closes the connection; further calls throw. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            conn.close();
        } catch (SQLException e) {
            throw new HistoryException(loc.display(), "cannot be closed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HistoryStore[" + loc.display() + "]";
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("history store " + loc.display() + " is closed; open it again with "
                    + "HistoryStore.open(\"" + loc.display() + "\")");
        }
    }
}
