package dev.benchbook;

import dev.benchbook.analysis.Finding;
import dev.benchbook.analysis.Findings;
import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.display.HtmlTables;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.RunResultSource;
import dev.benchbook.result.Status;
import dev.benchbook.report.HtmlReport;
import dev.benchbook.report.JsonReport;
import dev.benchbook.report.MarkdownReport;
import dev.benchbook.table.ComparisonTable;
import dev.benchbook.table.CsvExport;
import dev.benchbook.table.FindingsTable;
import dev.benchbook.table.ResultTables;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * What {@code run()} returns: the immutable {@link RunResult} with table views and exports. It
 * shows itself in a notebook as its summary table plus a line per failed or timed-out benchmark.
 */
public final class Results implements Displayable, RunResultSource {
    private final RunResult result;
    private final List<Finding> findings;

    /** Wraps a finished run. */
    public Results(RunResult result) {
        this.result = result;
        this.findings = Findings.of(result);
    }

    /** The findings of the determinism checks and expected bounds, in run order. */
    public List<Finding> findingList() {
        return findings;
    }

    /** One row per finding; see {@link FindingsTable#of}. Empty when the run is clean. */
    public Table findings() {
        return FindingsTable.of(result, findings);
    }

    /** The raw, immutable run result that tables, plots, reports and baselines consume. */
    @Override
    public RunResult result() {
        return result;
    }

    /** One row per benchmark × param combination; see {@link ResultTables#summary}. A new table each call. */
    public Table summary() {
        return ResultTables.summary(result);
    }

    /** One row per benchmark × param combination × iteration; see {@link ResultTables#samples}. */
    public Table samples() {
        return ResultTables.samples(result);
    }

    /**
     * Writes {@code <suite>-summary.csv} and {@code <suite>-samples.csv} into {@code directory},
     * each atomically, and returns their paths.
     */
    public List<Path> writeCsv(Path directory) {
        String base = fileSafe(result.suite().name());
        return List.of(
                CsvExport.write(summary(), directory.resolve(base + "-summary.csv")),
                CsvExport.write(samples(), directory.resolve(base + "-samples.csv")));
    }

    /**
     * Compares {@code candidate} with {@code baseline} at every param combination: Welch's t and
     * Mann-Whitney U tests, Hodges-Lehmann shift, Cliff's delta, and the ratio of means with a
     * seeded bootstrap interval at the suite's confidence level. See {@link ComparisonTable#of}.
     *
     * @throws IllegalArgumentException if either name is not a benchmark of this run
     */
    public Table compare(String baseline, String candidate) {
        return ComparisonTable.of(result, baseline, candidate);
    }

    /**
     * Writes a single self-contained HTML report (environment, suite definition, summary,
     * findings and plots, with plotly inlined: it opens offline) atomically to {@code file}.
     *
     * @return {@code file}
     */
    public Path report(Path file) {
        return HtmlReport.write(result, findings(), file);
    }

    /** A Markdown summary for a pull-request comment or a CI job summary. */
    public String markdown() {
        return MarkdownReport.render(result, findings());
    }

    /** Writes the summary, findings and samples as JSON, atomically, to {@code file}. */
    public Path writeJson(Path file) {
        return JsonReport.write(result, findings(), file);
    }

    /** The runs that failed or timed out. */
    public List<BenchmarkRun> problems() {
        return result.runs().stream().filter(r -> r.status() != Status.OK).toList();
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"benchbook-results\"><p><b>").append(Html.escape(result.suite().name())).append("</b>: ")
                .append(result.runs().size()).append(" runs in ")
                .append(String.format(Locale.ROOT, "%.1f s", result.elapsed().toMillis() / 1000.0)).append("</p>");
        for (BenchmarkRun r : problems()) {
            b.append("<p style=\"color:#b91c1c\">").append(Html.escape(describe(r))).append("</p>");
        }
        b.append(HtmlTables.render(summary(), 200));
        if (!findings.isEmpty()) {
            b.append(HtmlTables.render(findings(), 50));
        }
        b.append("</div>");
        return b.toString();
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder();
        for (BenchmarkRun r : problems()) {
            b.append(describe(r)).append('\n');
        }
        b.append(summary().print());
        if (!findings.isEmpty()) {
            b.append('\n').append(findings().print());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "Results[" + result.suite().name() + ", " + result.runs().size() + " runs]";
    }

    private static String describe(BenchmarkRun r) {
        return r.benchmark() + (r.params().values().isEmpty() ? "" : " [" + r.params() + "]") + " "
                + r.status().label() + ": " + r.error();
    }

    private static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
