package dev.benchbook.history;

import dev.benchbook.codec.RunJson;
import dev.benchbook.regress.Fingerprint;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes runs inside the caller's transaction: the run row, its run file, the series it touches, its
 * estimates and every raw value. Series ids learnt here are kept only once the transaction commits.
 */
final class StoreWriter {
    private final Connection conn;
    /** Series ids known to be committed. Series are never deleted, so an id stays valid. */
    private final Map<RunRows.Key, Long> committed = new HashMap<>();
    /** Series ids learnt in the open transaction. */
    private final Map<RunRows.Key, Long> pending = new HashMap<>();

    StoreWriter(Connection conn) {
        this.conn = conn;
    }

    /** Writes one run; returns its id. */
    long write(RunResult run, String label) throws SQLException {
        long id = insertRun(run, label);
        try (PreparedStatement doc = conn.prepareStatement("INSERT INTO run_documents (run_id, run_json_gz) VALUES (?, ?)")) {
            doc.setLong(1, id);
            doc.setBytes(2, gzip(RunJson.toJson(run, List.of())));
            doc.executeUpdate();
        }
        List<RunRows.Point> points = RunRows.points(run);
        List<RunRows.Raw> raw = RunRows.raw(run);
        // Series in one order in every writer, so that two PostgreSQL writers never wait on each other in a cycle.
        TreeSet<RunRows.Key> keys = new TreeSet<>();
        points.forEach(p -> keys.add(p.key()));
        raw.forEach(r -> keys.add(r.key()));
        for (RunRows.Key k : keys) {
            seriesId(k);
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO points (series_id, run_id, value, ci_low, ci_high, n, median) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RunRows.Point p : points) {
                ps.setLong(1, seriesId(p.key()));
                ps.setLong(2, id);
                ps.setDouble(3, p.value());
                setDouble(ps, 4, p.ciLow());
                setDouble(ps, 5, p.ciHigh());
                ps.setInt(6, p.n());
                setDouble(ps, 7, p.median());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO samples (run_id, ordinal, series_id, fork, "
                + "iteration, warmup, value) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (RunRows.Raw r : raw) {
                ps.setLong(1, id);
                ps.setInt(2, ordinal++);
                ps.setLong(3, seriesId(r.key()));
                ps.setInt(4, r.fork());
                ps.setInt(5, r.iteration());
                ps.setBoolean(6, r.warmup());
                setDouble(ps, 7, r.value());
                ps.addBatch();
                if (ordinal % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return id;
    }

    void committed() {
        committed.putAll(pending);
        pending.clear();
    }

    void rolledBack() {
        pending.clear();
    }

    /** The id of series {@code k}, or -1 when the store has none. */
    long find(RunRows.Key k) throws SQLException {
        Long known = committed.get(k);
        if (known != null) {
            return known;
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT series_id FROM series WHERE benchmark = ? AND params = ? AND metric = ?")) {
            ps.setString(1, k.benchmark());
            ps.setString(2, k.params());
            ps.setString(3, k.metric());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private long seriesId(RunRows.Key k) throws SQLException {
        Long known = pending.get(k);
        if (known == null) {
            known = committed.get(k);
        }
        if (known != null) {
            return known;
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO series (benchmark, params, metric) "
                + "VALUES (?, ?, ?) ON CONFLICT (benchmark, params, metric) DO NOTHING")) {
            ps.setString(1, k.benchmark());
            ps.setString(2, k.params());
            ps.setString(3, k.metric());
            ps.executeUpdate();
        }
        long id = find(k);
        if (id < 0) {
            throw new SQLException("series " + k + " was inserted but cannot be read back");
        }
        pending.put(k, id);
        return id;
    }

    private long insertRun(RunResult run, String label) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO runs (started_ns, suite, label, git_commit, "
                + "branch, dirty, fingerprint, host, benchmarks, written_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING run_id")) {
            ps.setLong(1, nanos(run.started()));
            ps.setString(2, run.suite().name());
            ps.setString(3, label);
            ps.setString(4, run.git().commit());
            ps.setString(5, run.git().branch());
            ps.setBoolean(6, run.git().dirty());
            ps.setString(7, Fingerprint.of(run).hash());
            ps.setString(8, run.environment().host().hostname());
            ps.setInt(9, (int) run.runs().stream().map(BenchmarkRun::benchmark).distinct().count());
            ps.setLong(10, nanos(Instant.now()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("INSERT INTO runs returned no run_id");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Nanoseconds since the epoch, as the store keeps instants. */
    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant " + t + ": the history store keeps instants as nanoseconds "
                    + "since 1970, so only from 1677 to 2262; pass the time the run really started", e);
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 4);
        // The fastest level: far less work than the default for a document only a little larger.
        try (GZIPOutputStream z = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory failed", e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
