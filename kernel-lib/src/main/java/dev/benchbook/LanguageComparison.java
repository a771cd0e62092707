package dev.benchbook;

import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.display.HtmlTables;
import dev.benchbook.report.LanguageHtml;
import dev.benchbook.xlang.ComparisonResult;
import dev.benchbook.xlang.LanguageComparisonSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The result of {@code Bench.languages(workload)...run()}: one workload's implementations, built, validated
 * and timed as real processes. {@link #summary()} has one row per implementation; {@code
 * Plots.ratio(cmp, reference)} draws the time ratios; {@link #report(Path)} writes a self-contained page.
 * See {@link ComparisonResult} for how every figure is defined.
 */
public final class LanguageComparison implements LanguageComparisonSource, Displayable {
    private final ComparisonResult result;

    LanguageComparison(ComparisonResult result) {
        this.result = result;
    }

    @Override
    public ComparisonResult comparison() {
        return result;
    }

    /** One row per implementation: status, times with intervals, CPU, memory, ratios, scores, toolchain. */
    public Table summary() {
        return result.summary();
    }

    /** Every run at the timed size, in the order they ran within each round. */
    public Table runs() {
        return result.runsTable();
    }

    /** The implementations that failed, disagreed or could not be counted, and why. */
    public Table problems() {
        return result.problems();
    }

    /**
     * Callgrind's per-function instruction costs of one implementation (needs {@code .instructions()}):
     * method, self_instructions, self_pct, total_instructions, total_pct.
     */
    public Table profile(String implementation) {
        return result.profile(implementation);
    }

    /** Writes this comparison as a self-contained HTML page, atomically. */
    public Path report(Path file) {
        return LanguageHtml.write(List.of(result), file);
    }

    /**
     * Writes several comparisons (one per workload) as one page, with the geometric means of the ratios
     * across them first.
     */
    public static Path report(Path file, List<LanguageComparison> comparisons) {
        return LanguageHtml.write(results(comparisons), file);
    }

    /**
     * The geometric mean of each implementation's time ratio across comparisons; see {@link
     * ComparisonResult#geomean}, which says what it hides.
     */
    public static Table geomean(List<LanguageComparison> comparisons) {
        return ComparisonResult.geomean(results(comparisons));
    }

    private static List<ComparisonResult> results(List<LanguageComparison> comparisons) {
        List<ComparisonResult> r = new ArrayList<>();
        for (LanguageComparison c : comparisons) {
            r.add(c.result);
        }
        return r;
    }

    @Override
    public String toHtml() {
        long ok = result.implementations().stream().filter(i -> i.ok()).count();
        Table s = summary();
        Table shown = s.selectColumns(s.columnNames().stream().filter(c -> !c.equals("ci_low_ns")
                && !c.equals("ci_high_ns") && !c.equals("cv")).toArray(String[]::new));
        StringBuilder b = new StringBuilder("<div class=\"benchbook-languages\"><p><b>")
                .append(Html.escape(result.workload())).append("</b>: ").append(ok).append(" of ")
                .append(result.implementations().size()).append(" implementations validated and timed, relative to ")
                .append(Html.escape(result.reference())).append(" · <code>.summary()</code> for every column,"
                        + " <code>.problems()</code> for what failed</p>");
        b.append(HtmlTables.render(shown, 100)).append("</div>");
        return b.toString();
    }

    @Override
    public String toText() {
        return summary().printAll();
    }

    @Override
    public String toString() {
        return toText();
    }
}
