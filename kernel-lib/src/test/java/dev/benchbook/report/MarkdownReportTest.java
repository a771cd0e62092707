package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.plot.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {
    @Test
    void summaryMatchesTheGoldenFile() {
        Golden.assertMatches("sorting.md", MarkdownReport.render(new ReportContext(TestRuns.sorting(), null,
                HtmlReportTest.COMMIT)));
    }

    @Test
    void findingsAreListedAsATableAndWithoutParamsTheParamsCellIsADash() {
        String md = MarkdownReport.render(new ReportContext(TestRuns.noParams(), HtmlReportTest.findings(), "unknown"));
        assertTrue(md.contains("· commit unknown"), md);
        assertTrue(md.contains("| hashmap | – | "), md);
        assertTrue(md.contains("### Findings\n\n| kind | benchmark | cv | message |\n|---|---|---|---|\n"
                + "| TimingVariance | treemap | 0.12 | cv 0.12 \\> bound 0.05 \\<see notes\\> |\n"), md);
    }

    @Test
    void pipesMarkupAndHtmlInNamesAreEscaped() {
        String md = MarkdownReport.render(new ReportContext(TestRuns.hostile(), null, "unknown"));
        assertTrue(md.startsWith("## Benchbook: \\<script\\>alert(1)\\</script\\> \\| 'q' \\\\ x\n\n"), md);
        assertTrue(md.contains("\\<img src=x onerror=alert(2)\\> \\_d\\_"), md);
        assertTrue(md.contains("| b\\|\\*x\\* | kind=\\</script\\>\\<b\\>x\\</b\\> | "), md);
        assertTrue(md.contains("| kind=a\\|b\\\\c | "), md);
        for (String line : md.split("\n")) {
            if (line.startsWith("| ")) {
                assertEquals(6, line.replace("\\|", "").chars().filter(c -> c == '|').count(), line);
            }
        }
        assertFalse(md.contains("<script>"));
    }

    @Test
    void writeCreatesTheFile(@TempDir Path dir) throws Exception {
        Path f = MarkdownReport.write(TestRuns.noParams(), null, dir.resolve("summary.md"));
        assertTrue(Files.readString(f).startsWith("## Benchbook: maps\n"));
    }
}
