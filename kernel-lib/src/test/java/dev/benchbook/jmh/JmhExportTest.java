package dev.benchbook.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhExportTest {

    @Test
    void exportMatchesGoldenFile() throws Exception {
        JsonNode actual = JmhFixtures.MAPPER.readTree(JmhJson.toJson(JmhFixtures.sortingResult()));
        JsonNode expected = JmhFixtures.readTree(JmhFixtures.resource("sorting-export.json"));
        JmhFixtures.assertJsonEquals(expected, actual, "$");
    }

    @Test
    void failedAndTimedOutRunsAreLeftOut() throws Exception {
        JsonNode tree = JmhFixtures.MAPPER.readTree(JmhJson.toJson(JmhFixtures.sortingResult()));
        assertEquals(2, tree.size());
        tree.forEach(e -> assertEquals("sorting.arrays.sort", e.get("benchmark").asText()));
    }

    @Test
    void allocationIsWrittenOnlyWhenEveryMeasuredSampleHasIt() throws Exception {
        JsonNode tree = JmhFixtures.MAPPER.readTree(JmhJson.toJson(JmhFixtures.sortingResult()));
        assertTrue(tree.get(0).get("secondaryMetrics").has("gc.alloc.rate.norm"));
        assertTrue(tree.get(1).get("secondaryMetrics").isEmpty());
    }

    @Test
    void singleSampleHasNaNErrorWrittenAsJmhDoes() throws Exception {
        RunResult one = withRuns(new BenchmarkRun("m", ParamSet.EMPTY, Status.OK, "",
                JmhFixtures.samples(10, new long[] {0, 0, 50}, null)));
        JsonNode e = JmhFixtures.MAPPER.readTree(JmhJson.toJson(one)).get(0);
        JsonNode pm = e.get("primaryMetric");
        assertEquals(5.0, pm.get("score").asDouble());
        assertEquals("NaN", pm.get("scoreError").textValue());
        assertEquals("[\"NaN\",\"NaN\"]", pm.get("scoreConfidence").toString());
        assertEquals(5.0, pm.get("scorePercentiles").get("99.9").asDouble());
        assertFalse(e.has("params"), "JMH leaves params out when there are none");
    }

    @Test
    void resultWithoutOkRunsIsAnEmptyArray() throws Exception {
        RunResult none = withRuns(new BenchmarkRun("m", ParamSet.EMPTY, Status.FAILED, "boom", List.of()));
        assertEquals(0, JmhFixtures.MAPPER.readTree(JmhJson.toJson(none)).size());
    }

    @Test
    void percentilesFollowJmhEstimation() {
        double[] xs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // position p (n + 1) / 100, interpolated, clamped: worked out by hand
        assertEquals(1.0, JmhExport.percentile(xs, 0.0));
        assertEquals(1.0, JmhExport.percentile(xs, 5.0));
        assertEquals(2.75, JmhExport.percentile(xs, 25.0), 1e-12);
        assertEquals(5.5, JmhExport.percentile(xs, 50.0), 1e-12);
        assertEquals(9.9, JmhExport.percentile(xs, 90.0), 1e-12);
        assertEquals(10.0, JmhExport.percentile(xs, 95.0));
        assertEquals(10.0, JmhExport.percentile(xs, 100.0));
        assertEquals(7.0, JmhExport.percentile(new double[] {7}, 50.0));
    }

    @Test
    void writeReplacesTheFileAtomicallyAndLeavesNoTempFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/sorting.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");
        assertEquals(file, JmhJson.write(JmhFixtures.sortingResult(), file));
        assertEquals(JmhJson.toJson(JmhFixtures.sortingResult()), Files.readString(file));
        try (Stream<Path> listing = Files.list(file.getParent())) {
            assertEquals(List.of("sorting.json"), listing.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void writeCreatesMissingDirectories(@TempDir Path dir) {
        Path file = dir.resolve("a/b/c.json");
        JmhJson.write(JmhFixtures.sortingResult(), file);
        assertTrue(Files.isRegularFile(file));
    }

    private static RunResult withRuns(BenchmarkRun... runs) {
        RunResult base = JmhFixtures.sortingResult();
        return new RunResult(base.suite(), base.environment(), base.started(), base.elapsed(), List.of(runs));
    }
}
