package dev.benchbook.report;

import dev.benchbook.io.AtomicFiles;
import dev.benchbook.result.RunResultSource;
import dev.benchbook.plot.TimeScale;
import dev.benchbook.result.RunResult;
import dev.benchbook.table.Columns;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Markdown summary of a run for a pull request comment or a CI job summary (GitHub-flavoured tables):
 * the suite, the environment on one line, a table of benchmark, params, mean ± confidence half-width,
 * allocation per operation and status, then the findings. Every user-supplied string is escaped so
 * that it shows as typed: no {@code |} breaks the table and no markup or HTML takes effect.
 */
public final class MarkdownReport {
    /** Longest error text shown in the status column; the HTML and JSON reports keep it whole. */
    static final int MAX_ERROR = 80;

    private MarkdownReport() {}

    /** The summary of {@code results} without findings. */
    public static String render(RunResultSource results) {
        return render(results.result(), null);
    }

    /** The summary of {@code result} without findings. */
    public static String render(RunResult result) {
        return render(result, null);
    }

    /**
     * The summary of {@code result}.
     *
     * @param findings findings to list, any columns, or {@code null} (or empty) for "No findings."
     */
    public static String render(RunResult result, Table findings) {
        return render(ReportContext.of(result, findings));
    }

    /** The summary of a computed run summary, with its findings. */
    public static String render(dev.benchbook.analysis.RunSummary summary) {
        return render(ReportContext.of(summary));
    }

    /** Writes {@link #render(RunResult, Table)} to {@code file} atomically and returns {@code file}. */
    public static Path write(RunResult result, Table findings, Path file) {
        return AtomicFiles.writeString(file, render(result, findings), "Markdown report");
    }

    static String render(ReportContext c) {
        StringBuilder b = new StringBuilder();
        b.append("## Benchbook: ").append(escape(c.suiteName())).append("\n\n");
        if (!c.result.suite().description().isBlank()) {
            b.append(escape(c.result.suite().description())).append("\n\n");
        }
        b.append("**Environment:** ").append(escape(c.environmentLine())).append("  \n");
        b.append("**Run:** ").append(c.result.runs().size()).append(" runs; warmup iterations ")
                .append(escape(c.suite().get("Warmup iterations"))).append("; measured iterations ")
                .append(escape(c.suite().get("Measured iterations"))).append("; ")
                .append(escape(ReportContext.seconds(c.result.elapsed()))).append("; params: ")
                .append(escape(c.params())).append("\n\n");
        table(b, c.headline);
        List<String> problems = c.problems();
        if (!problems.isEmpty()) {
            b.append('\n');
            problems.forEach(p -> b.append("- ").append(escape(p.length() > MAX_ERROR ? p.substring(0, MAX_ERROR - 1) + "…"
                    : p)).append('\n'));
        }
        b.append("\n### Findings\n\n");
        if (c.findings == null) {
            b.append("No findings.\n");
        } else {
            table(b, c.findings);
        }
        return b.toString();
    }

    private static void table(StringBuilder b, Table t) {
        b.append('|');
        t.columns().forEach(col -> b.append(' ').append(escape(col.name())).append(" |"));
        b.append("\n|");
        t.columns().forEach(col -> b.append("---|"));
        b.append('\n');
        for (int row = 0; row < t.rowCount(); row++) {
            b.append('|');
            for (Column<?> col : t.columns()) {
                b.append(' ').append(escape(col.isMissing(row) ? "" : col.getString(row))).append(" |");
            }
            b.append('\n');
        }
    }

    /**
     * Escapes {@code text} for a Markdown table cell or paragraph: line breaks become spaces, Markdown
     * punctuation ({@code \ ` * _ [ ] < > | # ~ ! &}) is backslash-escaped, so the text shows literally.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\r', '\n' -> b.append(' ');
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '!', '&' -> b.append('\\').append(ch);
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
