package dev.benchbook.calibration.report;

import java.util.ArrayList;
import java.util.List;

/** A small table of strings that renders as aligned text, Markdown or CSV. Immutable once built. */
final class Grid {
    private final List<String> headers;
    private final List<List<String>> rows;

    Grid(List<String> headers, List<List<String>> rows) {
        this.headers = List.copyOf(headers);
        this.rows = rows.stream().map(List::copyOf).toList();
    }

    static Grid of(String... headers) {
        return new Grid(List.of(headers), List.of());
    }

    /** A new grid with {@code cells} appended as a row. */
    Grid with(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the grid " + headers.size()
                    + " columns: " + headers);
        }
        List<List<String>> next = new ArrayList<>(rows);
        next.add(List.of(cells));
        return new Grid(headers, next);
    }

    String toText() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        appendText(b, headers, widths);
        for (List<String> row : rows) {
            appendText(b, row, widths);
        }
        return b.toString();
    }

    String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", headers.stream().map(Grid::escapeMarkdown).toList())).append(" |\n");
        b.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> row : rows) {
            b.append("| ").append(String.join(" | ", row.stream().map(Grid::escapeMarkdown).toList())).append(" |\n");
        }
        return b.toString();
    }

    String toCsv() {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", headers.stream().map(Grid::escapeCsv).toList())).append('\n');
        for (List<String> row : rows) {
            b.append(String.join(",", row.stream().map(Grid::escapeCsv).toList())).append('\n');
        }
        return b.toString();
    }

    private static void appendText(StringBuilder b, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            // First column left-aligned (names), the rest right-aligned (numbers).
            String padded = c == 0 ? cell + " ".repeat(widths[c] - cell.length())
                    : " ".repeat(widths[c] - cell.length()) + cell;
            line.append(c == 0 ? "" : "  ").append(padded);
        }
        b.append(line.toString().stripTrailing()).append('\n');
    }

    private static String escapeMarkdown(String s) {
        return s.replace("|", "\\|");
    }

    private static String escapeCsv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
