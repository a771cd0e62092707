package dev.benchbook.history;

import dev.benchbook.stats.ChangePoint;
import dev.benchbook.stats.ChangePoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The series table: one row per run and param combination, oldest first, with each combination's
 * segments (an accepted change starts a new one) and the change points found within each segment.
 */
final class Series {
    private Series() {}

    /** One stored estimate, as read from the store. */
    record Row(long seriesId, long runId, Instant started, String commit, String branch, String label, double value,
            double ciLow, double ciHigh, int n) {}

    /** Segment and change-point marks of one row. */
    private record Marks(int segment, boolean changePoint, boolean accepted) {}

    /**
     * The table of {@code rows} (already oldest first).
     *
     * @param params each series' param combination by series id
     * @param withParams whether to add a {@code params} column and one column per param
     * @param accepted the accepted run ids of each series
     */
    static Table table(String name, String metric, List<Row> rows, Map<Long, Map<String, String>> params,
            boolean withParams, Map<Long, Set<Long>> accepted) {
        Marks[] marks = marks(rows, accepted);
        LongColumn runId = LongColumn.create(HistoryStore.RUN_ID);
        InstantColumn started = InstantColumn.create(HistoryStore.STARTED);
        StringColumn commit = StringColumn.create(HistoryStore.COMMIT);
        StringColumn branch = StringColumn.create(HistoryStore.BRANCH);
        StringColumn label = StringColumn.create(HistoryStore.LABEL);
        StringColumn paramsCol = StringColumn.create(HistoryStore.PARAMS);
        Set<String> names = new LinkedHashSet<>();
        params.values().forEach(m -> names.addAll(m.keySet()));
        List<StringColumn> paramCols = names.stream().map(StringColumn::create).toList();
        StringColumn metricCol = StringColumn.create(HistoryStore.METRIC);
        DoubleColumn value = DoubleColumn.create(HistoryStore.VALUE);
        DoubleColumn low = DoubleColumn.create(HistoryStore.CI_LOW);
        DoubleColumn high = DoubleColumn.create(HistoryStore.CI_HIGH);
        IntColumn n = IntColumn.create(HistoryStore.N);
        IntColumn segment = IntColumn.create(HistoryStore.SEGMENT);
        BooleanColumn change = BooleanColumn.create(HistoryStore.CHANGE_POINT);
        BooleanColumn acc = BooleanColumn.create(HistoryStore.ACCEPTED);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            runId.append(r.runId());
            started.append(r.started());
            commit.append(r.commit());
            branch.append(r.branch());
            label.append(r.label());
            Map<String, String> p = params.get(r.seriesId());
            paramsCol.append(ParamsKey.of(p));
            for (StringColumn c : paramCols) {
                c.append(p.getOrDefault(c.name(), ""));
            }
            metricCol.append(metric);
            value.append(r.value());
            low.append(r.ciLow());
            high.append(r.ciHigh());
            n.append(r.n());
            segment.append(marks[i].segment());
            change.append(marks[i].changePoint());
            acc.append(marks[i].accepted());
        }
        Table t = Table.create(name, runId, started, commit, branch, label);
        if (withParams) {
            t.addColumns(paramsCol);
            paramCols.forEach(t::addColumns);
        }
        return t.addColumns(metricCol, value, low, high, n, segment, change, acc);
    }

    /** The marks of each row, computed per series over its rows in order. */
    private static Marks[] marks(List<Row> rows, Map<Long, Set<Long>> accepted) {
        Marks[] out = new Marks[rows.size()];
        Map<Long, List<Integer>> bySeries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            bySeries.computeIfAbsent(rows.get(i).seriesId(), k -> new ArrayList<>()).add(i);
        }
        for (var e : bySeries.entrySet()) {
            Set<Long> acc = accepted.getOrDefault(e.getKey(), Set.of());
            List<Integer> idx = e.getValue();
            int seg = 0;
            int from = 0;
            for (int j = 0; j <= idx.size(); j++) {
                boolean starts = j < idx.size() && j > 0 && acc.contains(rows.get(idx.get(j)).runId());
                if (j == idx.size() || starts) {
                    mark(rows, idx.subList(from, j), seg, acc, out);
                    seg++;
                    from = j;
                }
            }
        }
        return out;
    }

    private static void mark(List<Row> rows, List<Integer> idx, int segment, Set<Long> acc, Marks[] out) {
        double[] values = idx.stream().mapToDouble(i -> rows.get(i).value()).toArray();
        boolean[] change = new boolean[values.length];
        if (values.length >= 2 * ChangePoints.MIN_SEGMENT && java.util.Arrays.stream(values).allMatch(Double::isFinite)) {
            for (ChangePoint cp : ChangePoints.detect(values)) {
                change[cp.index()] = true;
            }
        }
        for (int j = 0; j < idx.size(); j++) {
            out[idx.get(j)] = new Marks(segment, change[j], acc.contains(rows.get(idx.get(j)).runId()));
        }
    }

    /** Values of one series since its last accepted run (that run included), oldest first. */
    static double[] sinceLastAcceptance(List<Double> values, List<Long> runIds, Set<Long> accepted) {
        int from = 0;
        for (int i = runIds.size() - 1; i >= 0; i--) {
            if (accepted.contains(runIds.get(i))) {
                from = i;
                break;
            }
        }
        return values.subList(from, values.size()).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
