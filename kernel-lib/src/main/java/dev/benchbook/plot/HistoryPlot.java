package dev.benchbook.plot;

import dev.benchbook.table.Columns;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * A metric across commits or time, read from a history table (one row per run and benchmark): one line
 * per benchmark when the table has a {@value Columns#BENCHMARK} column (per benchmark and params when it
 * also has a {@value #PARAMS} column). A text x column (commit hashes) is drawn as categories in table
 * order; a date, time or number column as a continuous axis, sorted. A value column whose name ends in
 * {@code _ns} holds nanoseconds per operation and is drawn in a unit chosen from its magnitude. Rows whose
 * {@value #CHANGE_POINT} column is true (as {@code History.series(...)} gives) are marked as change points.
 */
public final class HistoryPlot {
    /** Optional column with each row's param combination as text, e.g. {@code size=1000}. */
    public static final String PARAMS = "params";
    /** Optional boolean column: true where a change starts; such points are marked with a red diamond. */
    public static final String CHANGE_POINT = "change_point";
    private static final DateTimeFormatter PLOTLY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private HistoryPlot() {}

    /**
     * The values of {@code valueColumn} over {@code xColumn}.
     *
     * @param history one row per run (and benchmark)
     * @param xColumn commit hash, run number, date or timestamp of each row
     * @param valueColumn the numeric metric, e.g. {@code mean_ns}
     * @throws IllegalArgumentException if a column is missing, the value column is not numeric, or the
     *     table is empty
     */
    public static Figure create(Table history, String xColumn, String valueColumn) {
        PlotData.require(history, xColumn, "the commit or time of each row", "pass the name of one of them");
        PlotData.require(history, valueColumn, "the value to plot", "pass the name of one of them");
        NumericColumn<?> values = PlotData.numeric(history, valueColumn);
        if (history.rowCount() == 0) {
            throw new IllegalArgumentException("history: table '" + history.name() + "' has no rows;"
                    + " record some runs first");
        }
        Column<?> xCol = history.column(xColumn);
        boolean categorical = xCol.type() == ColumnType.STRING || xCol.type() == ColumnType.BOOLEAN;
        boolean nanos = valueColumn.endsWith("_ns");
        TimeScale scale = nanos ? TimeScale.forNanos(values.asDoubleArray()) : TimeScale.NANOS;
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        for (int row = 0; row < history.rowCount(); row++) {
            lines.computeIfAbsent(lineName(history, row), k -> new ArrayList<>()).add(row);
        }
        String yTitle = nanos ? valueColumn.substring(0, valueColumn.length() - 3) + " (" + scale.perOp() + ")"
                : valueColumn;
        String title = history.name() + ": " + valueColumn + " over " + xColumn;
        PlotFigure.Builder fig = new PlotFigure.Builder(Layouts.builder(title,
                Layouts.axis(xColumn, categorical ? Axis.Type.CATEGORY : Axis.Type.DEFAULT), Layouts.axis(yTitle))
                .showLegend(lines.size() > 1 || history.columnNames().contains(Columns.BENCHMARK)).build());
        for (var line : lines.entrySet()) {
            List<Integer> rows = new ArrayList<>(line.getValue());
            if (!categorical) {
                rows.sort((r1, r2) -> compareX(xCol.get(r1), xCol.get(r2)));
            }
            String[] x = rows.stream().map(r -> xValue(xCol, r)).toArray(String[]::new);
            double[] y = rows.stream().mapToDouble(values::getDouble).map(v -> nanos ? scale.fromNanos(v) : v)
                    .toArray();
            fig.add(ScatterTrace.builder(StringColumn.create(xColumn, x), DoubleColumn.create(valueColumn, y))
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(Labels.template(line.getKey())).build());
            if (history.columnNames().contains(CHANGE_POINT)
                    && history.column(CHANGE_POINT).type() == ColumnType.BOOLEAN) {
                List<Integer> marked = rows.stream().filter(r -> Boolean.TRUE.equals(history.column(CHANGE_POINT).get(r)))
                        .toList();
                if (!marked.isEmpty()) {
                    int i = fig.add(ScatterTrace.builder(
                            StringColumn.create(xColumn, marked.stream().map(r -> xValue(xCol, r)).toArray(String[]::new)),
                            DoubleColumn.create(valueColumn, marked.stream().mapToDouble(values::getDouble)
                                    .map(v -> nanos ? scale.fromNanos(v) : v).toArray()))
                            .mode(ScatterTrace.Mode.MARKERS).name(Labels.template("change point: " + line.getKey()))
                            .build());
                    fig.trace(i, "marker", java.util.Map.of("symbol", "diamond-open", "size", 16, "color", "#dc2626",
                            "line", java.util.Map.of("width", 3)));
                }
            }
        }
        return fig.build();
    }

    private static String lineName(Table t, int row) {
        boolean bench = t.columnNames().contains(Columns.BENCHMARK);
        boolean params = t.columnNames().contains(PARAMS);
        String b = bench ? t.column(Columns.BENCHMARK).getString(row) : "";
        String p = params ? t.column(PARAMS).getString(row) : "";
        if (!bench && !params) {
            return t.name();
        }
        return p.isEmpty() ? b : b.isEmpty() ? p : b + " [" + p + "]";
    }

    /** Order of non-text x values: numbers by value, dates and times chronologically, missing last. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareX(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** An x value as plotly reads it: dates and times as UTC "yyyy-MM-dd HH:mm:ss.SSS", text escaped. */
    private static String xValue(Column<?> c, int row) {
        Object v = c.get(row);
        if (v instanceof Instant i) {
            return PLOTLY_TIME.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        }
        if (v instanceof LocalDateTime t) {
            return PLOTLY_TIME.format(t);
        }
        if (v instanceof TemporalAccessor) {
            return v.toString();
        }
        if (v instanceof Number n) {
            return String.valueOf(n);
        }
        return Labels.data(c.getString(row));
    }
}
