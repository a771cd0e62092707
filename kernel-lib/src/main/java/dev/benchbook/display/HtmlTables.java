package dev.benchbook.display;

import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders Tablesaw tables as escaped HTML fragments for notebooks and reports. */
public final class HtmlTables {
    private static final String STYLE = "<style>"
            + ".benchbook-table{border-collapse:collapse;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}"
            + ".benchbook-table th,.benchbook-table td{border:1px solid #ddd;padding:2px 6px}"
            + ".benchbook-table th{background:#f3f4f6;text-align:left}"
            + ".benchbook-table td.num{text-align:right}"
            + ".benchbook-table caption{text-align:left;font-weight:bold;padding:4px 0}"
            + "</style>";

    private HtmlTables() {}

    /**
     * Renders {@code table} as an HTML {@code <table>} with its name as caption, showing at most
     * {@code maxRows} rows followed by a note of how many were left out. Numbers are formatted for
     * reading (the CSV export keeps full precision); missing values show as empty cells.
     */
    public static String render(Table table, int maxRows) {
        StringBuilder b = new StringBuilder(STYLE);
        b.append("<table class=\"benchbook-table\"><caption>").append(Html.escape(table.name()))
                .append(" (").append(table.rowCount()).append(table.rowCount() == 1 ? " row" : " rows")
                .append(")</caption><thead><tr>");
        for (Column<?> c : table.columns()) {
            b.append("<th>").append(Html.escape(c.name())).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        int shown = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < shown; r++) {
            b.append("<tr>");
            for (Column<?> c : table.columns()) {
                boolean numeric = isNumeric(c);
                b.append(numeric ? "<td class=\"num\">" : "<td>").append(Html.escape(cell(c, r))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (shown < table.rowCount()) {
            b.append("<p>… ").append(table.rowCount() - shown).append(" more rows not shown</p>");
        }
        return b.toString();
    }

    /** The text of one cell as the HTML view shows it. */
    static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "";
        }
        Object v = c.get(row);
        if (v instanceof Double d) {
            return formatDouble(d);
        }
        return String.valueOf(v);
    }

    /** Formats a double for reading: grouping for large values, 4 significant digits for small ones. */
    static String formatDouble(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static boolean isNumeric(Column<?> c) {
        ColumnType t = c.type();
        return t == ColumnType.DOUBLE || t == ColumnType.INTEGER || t == ColumnType.LONG || t == ColumnType.FLOAT
                || t == ColumnType.SHORT;
    }
}
