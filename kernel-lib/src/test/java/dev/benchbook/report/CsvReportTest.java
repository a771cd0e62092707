package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.plot.TestRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CsvReportTest {
    @Test
    void writesSummarySamplesAndFindingsWhenThereAreAny(@TempDir Path dir) {
        List<Path> files = CsvReport.write(TestRuns.noParams(), HtmlReportTest.findings(), dir);
        assertEquals(List.of("maps-summary.csv", "maps-samples.csv", "maps-findings.csv"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(2, Table.read().csv(files.get(0).toFile()).rowCount());
        assertEquals(2 * TestRuns.ITERATIONS, Table.read().csv(files.get(1).toFile()).rowCount(), "measured iterations");
        assertEquals(2, CsvReport.write(TestRuns.noParams(), null, dir.resolve("none")).size());
    }

    @Test
    void fileNamesReplaceUnsafeCharacters() {
        assertEquals("_script_alert_1_script_q_x", CsvReport.fileSafe("<script>alert(1)</script> | 'q' \\ x"));
    }
}
