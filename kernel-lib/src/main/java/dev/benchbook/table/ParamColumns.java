package dev.benchbook.table;

import dev.benchbook.spec.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/** The param columns of a result table, typed by their values: int, long, double, or text. */
final class ParamColumns {
    private ParamColumns() {}

    static List<ParamColumn> of(List<ParamSpec> specs) {
        List<ParamColumn> cols = new ArrayList<>();
        for (ParamSpec p : specs) {
            cols.add(new ParamColumn(p.name(), columnFor(Columns.param(p.name()), p.values())));
        }
        return cols;
    }

    static Column<?> columnFor(String name, List<Object> values) {
        if (values.stream().allMatch(v -> v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            return IntColumn.create(name);
        }
        if (values.stream().allMatch(v -> v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte)) {
            return LongColumn.create(name);
        }
        if (values.stream().allMatch(v -> v instanceof Number)) {
            return DoubleColumn.create(name);
        }
        return StringColumn.create(name);
    }

    /** One param's column. */
    record ParamColumn(String param, Column<?> column) {
        void append(Map<String, Object> values) {
            Object v = values.get(param);
            if (v == null) {
                // A run without this param (results merged or imported from several classes).
                column.appendMissing();
            } else if (column instanceof IntColumn c) {
                c.append(((Number) v).intValue());
            } else if (column instanceof LongColumn c) {
                c.append(((Number) v).longValue());
            } else if (column instanceof DoubleColumn c) {
                c.append(((Number) v).doubleValue());
            } else {
                ((StringColumn) column).append(String.valueOf(v));
            }
        }
    }
}
