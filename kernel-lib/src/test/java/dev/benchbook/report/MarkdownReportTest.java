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
        Golden.assertMatches("sorting.md", MarkdownReport.render(ReportContext.of(TestRuns.sorting(), null)));
    }

    @Test
    void findingsAreListedAsATableAndWithoutParamsThereIsNoParamsColumn() {
        String md = MarkdownReport.render(ReportContext.of(TestRuns.noParams(), HtmlReportTest.findings()));
        assertTrue(md.contains("· commit 0123456789ab"), md);
        assertTrue(md.contains("| benchmark | mean | ± ci 99.9% | alloc/op | status | findings |"), md);
        assertTrue(md.contains("| hashmap | 49.7 ns | ± 3.40 ns | 0 B | ok | 0 |"), md);
        assertTrue(md.contains("### Findings\n\n| kind | benchmark | cv | message |\n|---|---|---|---|\n"
                + "| TimingVariance | treemap | 0.12 | cv 0.12 \\> bound 0.05 \\<see notes\\> |\n"), md);
    }

    @Test
    void pipesMarkupAndHtmlInNamesAreEscaped() {
        String md = MarkdownReport.render(ReportContext.of(TestRuns.hostile(), null));
        assertTrue(md.startsWith("## Benchbook: \\<script\\>alert(1)\\</script\\> \\| 'q' \\\\ x\n\n"), md);
        assertTrue(md.contains("\\<img src=x onerror=alert(2)\\> \\_d\\_"), md);
        assertTrue(md.contains("| b\\|\\*x\\* | \\</script\\>\\<b\\>x\\</b\\> | "), md);
        assertTrue(md.contains("| a\\|b\\\\c | "), md);
        for (String line : md.split("\n")) {
            if (line.startsWith("| ")) {
                assertEquals(8, line.replace("\\|", "").chars().filter(c -> c == '|').count(), line);
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
