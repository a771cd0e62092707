package dev.benchbook;

import dev.benchbook.history.HistoryStore;
import dev.benchbook.regress.RunNoise;
import dev.benchbook.result.RunResultSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The project's run history, for notebooks: {@code History.open().series("sort", "wall_ns")} is a
 * benchmark's estimates over every stored run, oldest first, with change points marked. Each call goes
 * to the {@link HistoryStore} ({@link #store()}), which documents the tables' columns.
 *
 * <pre>{@code
 * try (History h = History.open()) {
 *     h.write(results, "after the cache");
 *     Plots.history(h.series("sort", Map.of("size", 1000), "wall_ns"), "started", "value");
 * }
 * }</pre>
 */
public final class History implements AutoCloseable {
    private final HistoryStore store;

    private History(HistoryStore store) {
        this.store = store;
    }

    /** The store at {@code $BENCHBOOK_HISTORY}, else {@code .benchbook/history.db} under the project root. */
    public static History open() {
        return new History(HistoryStore.openDefault());
    }

    /** The store at {@code location}: a file path (SQLite) or a {@code jdbc:postgresql://} URL; see {@link HistoryStore#open}. */
    public static History open(String location) {
        return new History(HistoryStore.open(location));
    }

    /** The store behind this facade, for everything it offers. */
    public HistoryStore store() {
        return store;
    }

    /** Stores a run (e.g. what {@code run()} returned) without a label; returns its id. */
    public long write(RunResultSource run) {
        return write(run, "");
    }

    /** Stores a run with a label, whole or not at all; returns its id. */
    public long write(RunResultSource run, String label) {
        if (run == null) {
            throw new IllegalArgumentException("run: must not be null; pass what run() or Results.read(...) returned");
        }
        return store.write(run.result(), label);
    }

    /** A stored run, read back. */
    public Results read(long runId) {
        return new Results(store.read(runId));
    }

    /** Every stored run, oldest first; see {@link HistoryStore#runs()}. */
    public Table runs() {
        return store.runs();
    }

    /** The history of one metric of a benchmark at every param combination; see {@link HistoryStore#series}. */
    public Table series(String benchmark, String metric) {
        return store.series(benchmark, null, metric);
    }

    /**
     * The history of one metric of a benchmark at one param combination (values in any type, compared as
     * text), or at every one when {@code params} is null; see {@link HistoryStore#series}.
     */
    public Table series(String benchmark, Map<String, ?> params, String metric) {
        return store.series(benchmark, text(params), metric);
    }

    /** The estimates of one series, oldest first; params may be omitted (null) when the benchmark has one combination. */
    public double[] values(String benchmark, Map<String, ?> params, String metric) {
        return store.values(benchmark, text(params), metric);
    }

    /** Every raw value of one run; see {@link HistoryStore#raw}. */
    public Table raw(long runId) {
        return store.raw(runId);
    }

    /** Accepts the change at run {@code runId} of a benchmark with a single param combination; see {@link HistoryStore#accept}. */
    public void accept(String benchmark, String metric, long runId, String note) {
        store.accept(benchmark, null, metric, runId, note);
    }

    /** Accepts the change at run {@code runId} as the new normal of one series; see {@link HistoryStore#accept}. */
    public void accept(String benchmark, Map<String, ?> params, String metric, long runId, String note) {
        store.accept(benchmark, text(params), metric, runId, note);
    }

    /** Every acceptance, in the order made. */
    public Table acceptances() {
        return store.acceptances();
    }

    /** The names of every stored benchmark, sorted. */
    public List<String> benchmarks() {
        return store.benchmarks();
    }

    /** Imports a JMH result file (or a folder of them), labelled with the file or folder name; returns the runs stored. */
    public int importJmh(Path jmhJson) {
        return store.importJmh(jmhJson, String.valueOf(jmhJson.getFileName()));
    }

    /** Imports a JMH result file (or a folder of them) with a label; returns the runs stored. */
    public int importJmh(Path jmhJson, String label) {
        return store.importJmh(jmhJson, label);
    }

    /** Each series' run-to-run noise since its last accepted change, for {@code DetectorConfig}; a snapshot. */
    public RunNoise noise() {
        return store.noise();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "History[" + store.location() + "]";
    }

    private static Map<String, String> text(Map<String, ?> params) {
        if (params == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
