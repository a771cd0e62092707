package dev.benchbook.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad file names the file, the JSON path, the value, the rule and the fix. */
class JmhFormatErrorTest {
    @TempDir
    Path dir;

    /** The golden file with {@code edit} applied to its tree, written to a temporary file. */
    private Path golden(Consumer<ArrayNode> edit) throws Exception {
        ArrayNode root = (ArrayNode) JmhFixtures.readTree(JmhFixtures.resource("sortbench-avgt-us.json"));
        edit.accept(root);
        return write(JmhFixtures.MAPPER.writeValueAsString(root));
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("results.json"), text);
    }

    private static ObjectNode primary(ArrayNode root, int i) {
        return (ObjectNode) root.get(i).get("primaryMetric");
    }

    private static JmhFormatException assertRejected(Path file, String jsonPath, String... parts) {
        JmhFormatException e = assertThrows(JmhFormatException.class, () -> JmhJson.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(jsonPath, e.jsonPath());
        assertTrue(e.getMessage().startsWith(file + ": " + jsonPath + " = "), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "missing '" + part + "' in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void truncatedJsonIsRejectedWithItsLocation() throws Exception {
        String text = Files.readString(JmhFixtures.resource("sortbench-avgt-us.json"));
        Path file = write(text.substring(0, text.length() / 3));
        JmhFormatException e = assertRejected(file, "$", "invalid JSON at line", "must be complete, well-formed JSON",
                "run was interrupted", "re-run JMH with -rf json");
        assertTrue(e.getCause() != null);
    }

    @Test
    void missingPrimaryMetricIsRejected() throws Exception {
        Path file = golden(root -> ((ObjectNode) root.get(1)).remove("primaryMetric"));
        assertRejected(file, "$[1].primaryMetric", "(missing)", "must be an object with score, scoreUnit and rawData",
                "re-run JMH");
    }

    @Test
    void unknownUnitIsRejectedWithTheUnitsTheModeAccepts() throws Exception {
        Path file = golden(root -> primary(root, 2).put("scoreUnit", "furlongs/op"));
        assertRejected(file, "$[2].primaryMetric.scoreUnit", "\"furlongs/op\"",
                "must be one of ns/op, us/op, ms/op, s/op", "for mode avgt", "-tu ns");
    }

    @Test
    void throughputUnitUnderAverageTimeModeIsRejected() throws Exception {
        Path file = golden(root -> primary(root, 0).put("scoreUnit", "ops/s"));
        assertRejected(file, "$[0].primaryMetric.scoreUnit", "\"ops/s\"", "for mode avgt");
    }

    @Test
    void unknownModeIsRejected() throws Exception {
        Path file = golden(root -> ((ObjectNode) root.get(0)).put("mode", "fastest"));
        assertRejected(file, "$[0].mode", "\"fastest\"", "must be one of thrpt, avgt, sample, ss", "-bm avgt");
    }

    @Test
    void rawDataLeftOutByJmhIsRejectedWithTheFlagToDrop() throws Exception {
        Path file = golden(root -> primary(root, 0).putArray("rawData"));
        assertRejected(file, "$[0].primaryMetric.rawData", "[]", "must hold every iteration's score",
                "-Djmh.json.rawData=false");
    }

    @Test
    void nonNumericRawValueIsRejectedAtItsIndex() throws Exception {
        Path file = golden(root -> ((ArrayNode) primary(root, 0).get("rawData").get(1)).set(2,
                JmhFixtures.MAPPER.getNodeFactory().textNode("NaN")));
        assertRejected(file, "$[0].primaryMetric.rawData[1][2]", "\"NaN\"", "must be a number");
    }

    @Test
    void allocationMetricWithAnotherShapeIsRejected() throws Exception {
        Path file = golden(root -> ((ArrayNode) root.get(3).get("secondaryMetrics").get("gc.alloc.rate.norm")
                .get("rawData")).remove(1));
        assertRejected(file, "$[3].secondaryMetrics[\"gc.alloc.rate.norm\"].rawData", "1 fork(s) of [3]",
                "must have the same forks and iterations as the primary metric, 2 fork(s) of [3, 3]");
    }

    @Test
    void allocationMetricInAnotherUnitIsRejected() throws Exception {
        Path file = golden(root -> ((ObjectNode) root.get(0).get("secondaryMetrics").get("gc.alloc.rate.norm"))
                .put("scoreUnit", "KB/op"));
        assertRejected(file, "$[0].secondaryMetrics[\"gc.alloc.rate.norm\"].scoreUnit", "\"KB/op\"", "must be B/op");
    }

    @Test
    void repeatedBenchmarkParamsAndModeAreRejected() throws Exception {
        Path file = golden(root -> root.add(root.get(0).deepCopy()));
        assertRejected(file, "$[4].benchmark",
                "\"com.example.bench.SortBench.jdkSort\" with params {size=100, kind=random}", "already has it",
                "$[0] (avgt)", "remove the repeated entry");
    }

    @Test
    void documentThatIsNotAnArrayIsRejected() throws Exception {
        assertRejected(write("{\"benchmark\": \"a.B.c\"}"), "$", "{\"benchmark\":\"a.B.c\"}",
                "must be a JSON array of benchmark entries", "-rff");
    }

    @Test
    void emptyArrayAndEmptyFileAreRejected() throws Exception {
        assertRejected(write("[ ]"), "$", "[]", "must hold at least one benchmark entry");
        assertRejected(write(""), "$", "(empty document)");
    }

    @Test
    void trailingContentAfterTheArrayIsRejected() throws Exception {
        String text = Files.readString(JmhFixtures.resource("sortbench-avgt-us.json"));
        assertRejected(write(text + text), "$", "must be complete, well-formed JSON");
    }

    @Test
    void readerSourceIsNamedInTheMessage() {
        JmhFormatException e = assertThrows(JmhFormatException.class, () -> JmhJson.read(new StringReader("[1]")));
        assertEquals("<reader>: $[0] = 1: must be a JSON object describing one benchmark; "
                + "re-run JMH with -rf json and use the file it writes unchanged", e.getMessage());
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nope.json");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JmhJson.read(missing));
        assertTrue(e.getMessage().startsWith(missing + ": no such file"), e.getMessage());
    }

    @Test
    void blankSuiteNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhJson.read(new StringReader("[]"), " "));
        assertTrue(e.getMessage().startsWith("suiteName(\" \"): must not be blank; pass null"), e.getMessage());
    }
}
