package dev.benchbook;

import dev.benchbook.codec.RegressionJson;
import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.display.HtmlTables;
import dev.benchbook.io.AtomicFiles;
import dev.benchbook.regress.MetricComparison;
import dev.benchbook.regress.RegressionAnalysis;
import dev.benchbook.regress.RegressionSource;
import dev.benchbook.regress.Severity;
import dev.benchbook.regress.Verdict;
import dev.benchbook.report.RegressionHtml;
import dev.benchbook.report.RegressionText;
import dev.benchbook.table.RegressionTable;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A candidate compared with a baseline: what {@code r.compareTo(...)} and {@code Bench.ab(...)} return. {@link
 * #table()} has one row per benchmark × params × metric with the two values, the change and its interval,
 * the p-value (or the evidence used), the minimum detectable effect, the verdict, the severity and, when a
 * row was not compared, the reason. It renders in a notebook as the outcome and the rows that matter, and
 * exports as Markdown, JSON, HTML and a console summary.
 */
public final class RegressionReport implements Displayable, RegressionSource {
    private final RegressionAnalysis analysis;
    private final Table rounds;

    RegressionReport(RegressionAnalysis analysis, Table rounds) {
        this.analysis = analysis;
        this.rounds = rounds;
    }

    /** The report of {@code analysis}. */
    public static RegressionReport of(RegressionAnalysis analysis) {
        return new RegressionReport(analysis, null);
    }

    @Override
    public RegressionAnalysis analysis() {
        return analysis;
    }

    /** Every comparison as a table; see {@link RegressionTable}. */
    public Table table() {
        return RegressionTable.of(analysis);
    }

    /** Only the regressions, worst first, with the table's columns. */
    public List<MetricComparison> regressions() {
        return analysis.regressions();
    }

    /**
     * For an A/B comparison, one row per round: params, {@code round}, {@code order} ({@code AB} or {@code
     * BA}), {@code a} and {@code b} (each run's mean time per operation in ns) and {@code log_ratio}; null otherwise.
     */
    public Table rounds() {
        return rounds;
    }

    /** Whether a regression of severity {@code at} (minor, major or critical) or worse was found. */
    public boolean failsAt(String at) {
        return analysis.failsAt(Severity.of(at));
    }

    /** Whether the two environments match on every hard key both know. */
    public boolean comparable() {
        return analysis.comparable();
    }

    /** The verdict counts and the worst severity, in one line. */
    public String outcome() {
        return RegressionText.outcome(analysis);
    }

    /** Markdown for a GitHub job summary or a pull-request comment. */
    public String markdown() {
        return RegressionText.markdown(analysis);
    }

    /** A summary that fits one terminal screen. */
    public String console() {
        return RegressionText.console(analysis);
    }

    /** The machine-readable form ({@code "format": "benchbook-regressions"}). */
    public String json() {
        return RegressionJson.toJson(analysis);
    }

    /** Writes {@link #json()} atomically. */
    public Path writeJson(Path file) {
        return AtomicFiles.writeString(file, json(), "comparison JSON");
    }

    /** Writes {@link #markdown()} atomically. */
    public Path writeMarkdown(Path file) {
        return AtomicFiles.writeString(file, markdown(), "comparison Markdown");
    }

    /** Writes a self-contained HTML report (plot and full table) atomically. */
    public Path report(Path file) {
        return RegressionHtml.write(analysis, file);
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<div class=\"benchbook-regressions\"><p><b>")
                .append(Html.escape(analysis.candidateLabel())).append("</b> vs <b>")
                .append(Html.escape(analysis.baselineLabel())).append("</b>: ")
                .append(Html.escape(outcome())).append(" · <code>.table()</code> for every column</p>");
        if (!analysis.comparable()) {
            b.append("<p style=\"color:#b91c1c\">").append(analysis.forced() ? "Compared across differing environments: "
                    : "Not comparable: ").append(Html.escape(String.join(", ", analysis.differences().stream()
                            .map(Object::toString).toList()))).append("</p>");
        }
        Table t = table();
        Table shown = t.selectColumns(t.columnNames().stream().filter(c -> !c.equals("p_adjusted")
                && !c.equals("n_baseline") && !c.equals("n_candidate") && !c.equals("unit")).toArray(String[]::new));
        b.append(HtmlTables.render(shown, 200)).append("</div>");
        return b.toString();
    }

    @Override
    public String toText() {
        return console();
    }

    @Override
    public String toString() {
        return console();
    }

    /** The rows with verdict {@code v}: regression, improvement, no_change or inconclusive. */
    public List<MetricComparison> withVerdict(String v) {
        return analysis.withVerdict(Verdict.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
    }
}
