package dev.benchbook.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The lookups behind {@link HistoryStore} and its JDBC plumbing: queries, transactions, and errors that name the store. */
final class StoreQueries {
    private final Location loc;
    private final Connection conn;
    private final StoreWriter writer;

    StoreQueries(Location loc, Connection conn, StoreWriter writer) {
        this.loc = loc;
        this.conn = conn;
        this.writer = writer;
    }

    /** The series of {@code benchmark} and {@code metric} whose params match, by id; at least one. */
    Map<Long, Map<String, String>> matching(String benchmark, Map<String, String> params, String metric) {
        Map<Long, Map<String, String>> all = new LinkedHashMap<>();
        query("SELECT series_id, params FROM series WHERE benchmark = ? AND metric = ? ORDER BY series_id", ps -> {
            ps.setString(1, benchmark);
            ps.setString(2, metric);
        }, rs -> all.put(rs.getLong(1), ParamsKey.decode(rs.getString(2))));
        if (all.isEmpty()) {
            List<String> benchmarks = benchmarks();
            if (!benchmarks.contains(benchmark)) {
                throw new HistoryException(loc.display(), "no benchmark \"" + benchmark + "\"; "
                        + (benchmarks.isEmpty() ? "the store has no runs yet: write(run, label) stores one"
                                : "it has " + benchmarks));
            }
            List<String> metrics = new ArrayList<>();
            query("SELECT DISTINCT metric FROM series WHERE benchmark = ? ORDER BY metric",
                    ps -> ps.setString(1, benchmark), rs -> metrics.add(rs.getString(1)));
            throw new HistoryException(loc.display(), "benchmark \"" + benchmark + "\" has no metric \"" + metric
                    + "\"; it has " + metrics);
        }
        if (params == null) {
            return all;
        }
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        all.forEach((id, p) -> {
            if (p.equals(params)) {
                out.put(id, p);
            }
        });
        if (out.isEmpty()) {
            throw new HistoryException(loc.display(), "benchmark \"" + benchmark + "\" has no " + metric
                    + " values at params " + params + "; it has " + all.values().stream().map(ParamsKey::of)
                            .map(k -> "{" + k + "}").collect(Collectors.joining(", ")) + " (pass null for all)");
        }
        return out;
    }

    long single(String benchmark, Map<String, String> params, String metric) {
        Map<Long, Map<String, String>> m = matching(benchmark, params, metric);
        if (m.size() > 1) {
            throw new HistoryException(loc.display(), "benchmark \"" + benchmark + "\" has " + m.size()
                    + " param combinations (" + m.values().stream().map(ParamsKey::of).map(k -> "{" + k + "}")
                            .collect(Collectors.joining(", ")) + "); pass the params of one");
        }
        return m.keySet().iterator().next();
    }

    List<Series.Row> rows(Set<Long> series) {
        List<Series.Row> rows = new ArrayList<>();
        String in = series.stream().map(s -> "?").collect(Collectors.joining(", "));
        List<Long> ids = new ArrayList<>(series);
        query("SELECT p.series_id, p.run_id, r.started_ns, r.git_commit, r.branch, r.label, p.value, p.ci_low, "
                + "p.ci_high, p.n FROM points p JOIN runs r ON r.run_id = p.run_id WHERE p.series_id IN (" + in + ") "
                + "ORDER BY r.started_ns, p.run_id, p.series_id", ps -> {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 1, ids.get(i));
                    }
                }, rs -> {
                    double low = rs.getDouble(8);
                    low = rs.wasNull() ? Double.NaN : low;
                    double high = rs.getDouble(9);
                    high = rs.wasNull() ? Double.NaN : high;
                    rows.add(new Series.Row(rs.getLong(1), rs.getLong(2), StoreWriter.instant(rs.getLong(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7), low, high, rs.getInt(10)));
                });
        return rows;
    }

    Map<Long, Set<Long>> acceptedRuns(Set<Long> series) {
        Map<Long, Set<Long>> out = new HashMap<>();
        query("SELECT series_id, run_id FROM acceptances", ps -> {}, rs -> {
            if (series.contains(rs.getLong(1))) {
                out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
            }
        });
        return out;
    }

    void requireRun(long runId) {
        boolean[] found = {false};
        query("SELECT 1 FROM runs WHERE run_id = ?", ps -> ps.setLong(1, runId), rs -> found[0] = true);
        if (!found[0]) {
            throw noRun(runId);
        }
    }

    HistoryException noRun(long runId) {
        long[] range = {0, 0, 0};
        query("SELECT COUNT(*), MIN(run_id), MAX(run_id) FROM runs", ps -> {}, rs -> {
            range[0] = rs.getLong(1);
            range[1] = rs.getLong(2);
            range[2] = rs.getLong(3);
        });
        return new HistoryException(loc.display(), "no run with id " + runId + "; "
                + (range[0] == 0 ? "the store has no runs yet" : "it has " + range[0] + " runs, ids " + range[1] + " to "
                        + range[2] + "; runs() lists them"));
    }

    static String describe(Map<String, String> params) {
        return params == null || params.isEmpty() ? "" : " at " + params;
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    interface Work {
        void run() throws SQLException;
    }

    void query(String sql, Binder binder, RowReader reader) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw failed("cannot be read", e);
        }
    }

    void inTransaction(Work work) {
        try {
            conn.setAutoCommit(false);
            try {
                work.run();
                conn.commit();
                writer.committed();
            } catch (SQLException | RuntimeException e) {
                writer.rolledBack();
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed("cannot be written (nothing of this write was stored)", e);
        }
    }

    private HistoryException failed(String what, SQLException e) {
        String hint = loc.kind == Location.Kind.SQLITE
                ? "; if the file is damaged, check it with sqlite3 FILE 'PRAGMA integrity_check' or move it away"
                : "; check the server and the connection";
        return new HistoryException(loc.display(), what + ": " + e.getMessage() + hint, e);
    }

    /** The names of every benchmark with at least one stored value, sorted. */
    List<String> benchmarks() {
        List<String> out = new ArrayList<>();
        query("SELECT DISTINCT benchmark FROM series ORDER BY benchmark", ps -> {}, rs -> out.add(rs.getString(1)));
        return out;
    }
}
