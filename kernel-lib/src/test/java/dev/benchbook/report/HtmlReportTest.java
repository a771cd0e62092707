package dev.benchbook.report;

import static dev.benchbook.plot.FigureJs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Results;
import dev.benchbook.plot.TestRuns;
import dev.benchbook.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlReportTest {
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    static String render(RunResult r, Table findings) {
        return HtmlReport.render(ReportContext.of(r, findings));
    }

    static Table findings() {
        return Table.create("findings", StringColumn.create("kind", "TimingVariance"),
                StringColumn.create("benchmark", "treemap"), DoubleColumn.create("cv", 0.12),
                StringColumn.create("message", "cv 0.12 > bound 0.05 <see notes>"));
    }

    @Test
    void reportStructureMatchesTheGoldenFile() {
        Golden.assertMatches("report-sorting.txt", ReportStructure.of(render(TestRuns.sorting(), null)));
    }

    @Test
    void reportWithFindingsAndWithoutParamsMatchesTheGoldenFile() {
        Golden.assertMatches("report-maps.txt", ReportStructure.of(render(TestRuns.noParams(), findings())));
    }

    @Test
    void plotlyIsInlinedExactlyOnceAndNothingIsLoadedFromTheNetwork() {
        String html = render(TestRuns.sorting(), null);
        assertEquals(1, count(html, "* plotly.js v2.35.3"));
        assertEquals(1, count(html, "window.define = undefined;"));
        assertEquals(0, count(html, "<script src"));
        assertEquals(0, count(html, "<link"));
        assertTrue(html.indexOf("* plotly.js v2.35.3") < html.indexOf("<body>"), "plotly.js loads in the head");
    }

    @Test
    void hostileNamesAppearOnlyAsText() {
        String html = render(TestRuns.hostile(), null);
        String withoutPlotly = html.substring(html.indexOf("</head>"));
        assertFalse(withoutPlotly.contains("<script>alert"), "no executable injected script");
        assertFalse(withoutPlotly.contains("<img"), "no injected element");
        assertFalse(withoutPlotly.contains("<b>x"), "no injected markup");
        assertTrue(withoutPlotly.contains(
                "<h1>Benchbook report: &lt;script&gt;alert(1)&lt;/script&gt; | &#39;q&#39; \\ x</h1>"));
        assertTrue(withoutPlotly.contains("<h3>Timeline: &lt;script&gt;alert(1)&lt;/script&gt;</h3>"));
        assertEquals(count(withoutPlotly, "<script>"), count(withoutPlotly, "</script>"),
                "every script that opens is one of ours and closes once");
        assertEquals(4, count(withoutPlotly, "<script>"), "one per plot: distribution, two timelines, ratio");
    }

    @Test
    void writeReplacesTheFileAtomicallyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/sorting.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");
        assertEquals(file, HtmlReport.write(new Results(TestRuns.sorting()), file));
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "only the report, no temporary file");
        }
    }

    @Test
    void aSuiteWhereEverythingFailedSaysWhyThereAreNoPlots() {
        String outline = ReportStructure.of(render(TestRuns.allFailed(), null));
        assertTrue(outline.contains("  li boom failed: benchmark threw RuntimeException: x\n"), outline);
        assertTrue(outline.contains("  p.benchbook-note Not plotted: distribution: suite &#39;nothing&#39; has no"
                + " measured iterations"), outline);
        assertTrue(outline.endsWith("plot divs 0\n"), outline);
    }
}
