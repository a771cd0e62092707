package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.plot.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonHasTheSuiteEnvironmentSummaryAndFindings() throws Exception {
        JsonNode root = JSON.readTree(JsonReport.render(new ReportContext(TestRuns.sorting(), null,
                HtmlReportTest.COMMIT)));
        assertEquals("benchbook-report", root.get("format").asText());
        assertEquals(1, root.get("formatVersion").asInt());
        JsonNode suite = root.get("suite");
        assertEquals("sorting", suite.get("name").asText());
        assertEquals("[\"arrays.sort\",\"parallel.sort\",\"broken\"]", suite.get("benchmarks").toString());
        assertEquals("[{\"name\":\"size\",\"values\":[1000,10000,100000]}]", suite.get("params").toString());
        assertEquals("PT0.1S", suite.get("controls").get("iterationTime").asText());
        assertEquals(0.999, suite.get("controls").get("confidence").asDouble());
        assertEquals(HtmlReportTest.COMMIT, root.get("environment").get("gitCommit").asText());
        assertEquals(2, root.get("environment").get("cpus").asInt());
        assertEquals("2025-01-02T03:04:05Z", root.get("started").asText());
        JsonNode summary = root.get("summary");
        assertEquals(9, summary.size());
        JsonNode first = summary.get(0);
        assertEquals("arrays.sort", first.get("benchmark").asText());
        assertEquals(1000, first.get("size").asInt());
        assertEquals(5, first.get("n").asInt());
        assertTrue(first.get("ci_low_ns").asDouble() < first.get("mean_ns").asDouble());
        JsonNode broken = summary.get(2);
        assertEquals("failed", broken.get("status").asText());
        assertTrue(broken.get("mean_ns").isNull(), "NaN is written as null");
        assertEquals(0, root.get("findings").size());
    }

    @Test
    void findingsRowsAreObjectsByColumn(@TempDir Path dir) throws Exception {
        Path f = JsonReport.write(TestRuns.noParams(), HtmlReportTest.findings(), dir.resolve("r.json"));
        JsonNode findings = JSON.readTree(f.toFile()).get("findings");
        assertEquals("[{\"kind\":\"TimingVariance\",\"benchmark\":\"treemap\",\"cv\":0.12,"
                + "\"message\":\"cv 0.12 > bound 0.05 <see notes>\"}]", findings.toString());
    }
}
