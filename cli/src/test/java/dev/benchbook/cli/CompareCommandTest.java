package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path tmp;

    @AfterEach
    void resetWork() {
        System.clearProperty(WorkSuite.WORK);
    }

    private Path run(int steps, String file) {
        System.setProperty(WorkSuite.WORK, Integer.toString(steps));
        Path out = tmp.resolve(file);
        assertEquals(ExitCodes.OK, new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", out.toString(),
                "--quiet").code());
        return out;
    }

    @Test
    void aRegressionIsReportedButDoesNotFailCompare() throws Exception {
        Path fast = run(1_000, "a.json");
        Path slow = run(30_000, "b.json");
        Cli.Result r = new Cli().run("compare", fast.toString(), slow.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        boolean regression = false;
        for (JsonNode row : doc.get("rows")) {
            regression |= row.get("metric").asText().equals("wall_ns") && row.get("verdict").asText().equals("regression");
        }
        assertTrue(regression, doc.toPrettyString());
    }

    @Test
    void differentMachinesAreNotComparable() throws Exception {
        Path a = run(2_000, "a.json");
        Path b = tmp.resolve("b.json");
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(a.toFile());
        ((ObjectNode) doc.get("environment").get("runtime")).put("version", "21.0.1");
        m.writeValue(b.toFile(), doc);
        Cli.Result r = new Cli().run("compare", a.toString(), b.toString());
        assertEquals(ExitCodes.NOT_COMPARABLE, r.code(), r.toString());
        assertTrue(r.err().contains("jdk_version"), r.toString());
    }

    @Test
    void aFailedCandidateExitsFour() {
        Path a = run(2_000, "a.json");
        Path b = tmp.resolve("b.json");
        new Cli().run("run", "--suite", FailingSuite.class.getName(), "--out", b.toString(), "--quiet");
        Cli.Result r = new Cli().run("compare", a.toString(), b.toString());
        assertEquals(ExitCodes.BENCHMARK_FAILED, r.code(), r.toString());
    }

    @Test
    void aMissingOrCorruptFileIsAUsageError() throws Exception {
        Path a = run(2_000, "a.json");
        Cli.Result missing = new Cli().run("compare", a.toString(), tmp.resolve("nope.json").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("B " + tmp.resolve("nope.json") + ": no such file"), missing.toString());
        Path corrupt = tmp.resolve("corrupt.json");
        java.nio.file.Files.writeString(corrupt, "{\"format\": \"benchbook-run\", \"schema_version\": 1, ");
        Cli.Result bad = new Cli().run("compare", corrupt.toString(), a.toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("corrupt.json"), bad.toString());
        Cli.Result one = new Cli().run("compare", a.toString());
        assertEquals(ExitCodes.USAGE, one.code());
        assertTrue(one.err().contains("B.json"), one.toString());
    }
}
