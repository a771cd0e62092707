package dev.benchbook.report;

import dev.benchbook.io.AtomicFiles;
import dev.benchbook.analysis.RunSummary;
import dev.benchbook.result.RunResultSource;
import dev.benchbook.display.Html;
import dev.benchbook.display.HtmlTables;
import dev.benchbook.plot.FigureHtml;
import dev.benchbook.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * One self-contained HTML file per run: the environment (with the git commit of the working directory,
 * or "unknown"), the suite definition, the summary table with any failed runs, the findings, and the
 * plots (distribution, a timeline per benchmark, scaling per numeric param, ratio to the first
 * benchmark). plotly.js is inlined once, so the file opens offline and fetches nothing. Every
 * user-supplied string is escaped. The page depends only on the run, its findings and the commit.
 */
public final class HtmlReport {
    /** Most summary or findings rows shown; the CSV and JSON exports keep them all. */
    public static final int MAX_ROWS = 10_000;
    static final String STYLE = "<style>"
            + "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1200px;"
            + "padding:0 16px;color:#111827}"
            + "h1{font-size:24px}h2{font-size:19px;border-bottom:1px solid #e5e7eb;padding-bottom:4px;margin-top:32px}"
            + "h3{font-size:15px;margin-top:24px}"
            + ".benchbook-kv{border-collapse:collapse;font-size:13px}"
            + ".benchbook-kv th{text-align:left;padding:2px 16px 2px 0;color:#4b5563;font-weight:600;"
            + "vertical-align:top}"
            + ".benchbook-kv td{padding:2px 0;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}"
            + ".benchbook-problems{color:#b91c1c}.benchbook-note{color:#6b7280}"
            + ".benchbook-scroll{overflow-x:auto}"
            + "footer{margin-top:40px;color:#6b7280;font-size:12px}"
            + "</style>\n";

    private HtmlReport() {}

    /**
     * Writes the report of {@code results} to {@code file}; see {@link #write(RunResult, Table, Path)}.
     */
    public static Path write(RunResultSource results, Path file) {
        return write(results.result(), null, file);
    }

    /** Writes the report of {@code results} and its findings; see {@link #write(RunResult, Table, Path)}. */
    public static Path write(RunResultSource results, Table findings, Path file) {
        return write(results.result(), findings, file);
    }

    /** Writes the report of {@code result} without findings; see {@link #write(RunResult, Table, Path)}. */
    public static Path write(RunResult result, Path file) {
        return write(result, null, file);
    }

    /**
     * Writes the report atomically: to a temporary file in the same directory, then moved into place,
     * so a reader never sees half a report. Missing parent directories are created. The file is about
     * 4.6 MB plus the data, most of it plotly.js.
     *
     * @param result the run
     * @param findings findings to list, any columns, or {@code null} (or empty) for "No findings."
     * @param file where to write, e.g. {@code reports/sorting.html}
     * @return {@code file}
     * @throws java.io.UncheckedIOException if the file cannot be written; nothing is left behind
     */
    public static Path write(RunResult result, Table findings, Path file) {
        return AtomicFiles.writeString(file, render(result, findings), "HTML report");
    }

    /** The report page as a string; see {@link #write(RunResult, Table, Path)}. */
    public static String render(RunResult result, Table findings) {
        return render(ReportContext.of(result, findings));
    }

    /** Writes the report of a computed summary, with its findings, atomically to {@code file}. */
    public static Path write(RunSummary summary, Path file) {
        return AtomicFiles.writeString(file, render(ReportContext.of(summary)), "HTML report");
    }

    static String render(ReportContext c) {
        String name = Html.escape(c.suiteName());
        StringBuilder b = new StringBuilder(5_000_000);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Benchbook\">\n")
                .append("<title>Benchbook report: ").append(name).append("</title>\n")
                .append(STYLE).append(FigureHtml.plotlyScript()).append("</head>\n<body>\n")
                .append("<h1>Benchbook report: ").append(name).append("</h1>\n");
        section(b, "results", "Results");
        b.append("<div class=\"benchbook-scroll\">").append(HtmlTables.render(c.headline, MAX_ROWS)).append("</div>\n");
        List<String> problems = c.problems();
        if (!problems.isEmpty()) {
            b.append("<ul class=\"benchbook-problems\">\n");
            problems.forEach(p -> b.append("<li>").append(Html.escape(p)).append("</li>\n"));
            b.append("</ul>\n");
        }
        section(b, "environment", "Environment");
        keyValues(b, c.environment());
        section(b, "suite", "Suite");
        keyValues(b, c.suite());
        section(b, "metrics", "Metrics");
        keyValues(b, c.metrics());
        section(b, "summary", "Full summary");
        b.append("<div class=\"benchbook-scroll\">").append(HtmlTables.render(c.summary, MAX_ROWS)).append("</div>\n");
        section(b, "findings", "Findings");
        if (c.findings == null) {
            b.append("<p>No findings.</p>\n");
        } else {
            b.append("<div class=\"benchbook-scroll\">").append(HtmlTables.render(c.findings, MAX_ROWS))
                    .append("</div>\n");
        }
        section(b, "plots", "Plots");
        int i = 1;
        for (ReportPlots.Entry e : ReportPlots.select(c.result)) {
            b.append("<h3>").append(Html.escape(e.heading())).append("</h3>\n");
            if (e.figure() != null) {
                b.append(FigureHtml.div(e.figure(), "benchbook_report_plot_" + i++));
            } else {
                b.append("<p class=\"benchbook-note\">").append(Html.escape(e.note())).append("</p>\n");
            }
        }
        profiles(b, c.result);
        b.append("<footer>Generated by Benchbook from the run's recorded samples; nothing was re-measured."
                + " plotly.js ").append(FigureHtml.PLOTLY_VERSION)
                .append(" (MIT licence) is inlined, so this page loads nothing from the network.</footer>\n")
                .append("</body>\n</html>\n");
        return b.toString();
    }

    /** A "Profiles" section when the run kept recordings: each profile's hot methods and flame graph. */
    private static void profiles(StringBuilder b, RunResult result) {
        if (result.runs().stream().allMatch(r -> r.artifacts().isEmpty())) {
            return;
        }
        section(b, "profiles", "Profiles");
        for (var run : result.runs()) {
            if (run.artifacts().isEmpty()) {
                continue;
            }
            try {
                b.append(dev.benchbook.profile.Profile.of(run).toHtml()).append('\n');
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                b.append("<p class=\"benchbook-note\">").append(Html.escape(e.getMessage())).append("</p>\n");
            }
        }
    }

    private static void section(StringBuilder b, String id, String title) {
        b.append("<h2 id=\"").append(id).append("\">").append(title).append("</h2>\n");
    }

    private static void keyValues(StringBuilder b, Map<String, String> rows) {
        b.append("<table class=\"benchbook-kv\">\n");
        rows.forEach((k, v) -> b.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v))
                .append("</td></tr>\n"));
        b.append("</table>\n");
    }
}
