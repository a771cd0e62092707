package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbCommandTest {
    @TempDir
    Path tmp;

    private static JsonNode wallRow(JsonNode doc, String benchmark) {
        for (JsonNode row : doc.get("rows")) {
            if (row.get("metric").asText().equals("wall_ns") && row.get("benchmark").asText().equals(benchmark)) {
                return row;
            }
        }
        throw new AssertionError("no wall_ns row for " + benchmark + " in " + doc.toPrettyString());
    }

    @Test
    void twoBenchmarksOfOneSuiteInPairedRounds() throws Exception {
        Cli.Result r = new Cli().run("ab", "--suite", AbSuite.class.getName(), "--a", "fast", "--b", "slow",
                "--forks", "0", "--warmup", "5", "--min-rounds", "3", "--rounds-budget", "8", "--quiet", "--format", "json",
                "--fail-on", "major");
        assertEquals(ExitCodes.REGRESSION, r.code(), r.toString());
        JsonNode row = wallRow(new ObjectMapper().readTree(r.out()), "slow");
        assertEquals("rounds", row.get("evidence").asText());
        assertEquals("regression", row.get("verdict").asText());
        int rounds = row.get("n_candidate").asInt();
        assertTrue(rounds >= 3 && rounds <= 8, "between the first look and the budget: " + rounds);
    }

    @Test
    void twoBuildsOfASuiteEachInItsOwnForks() throws Exception {
        Path a = Compiled.suite(tmp.resolve("a"), 500);
        Path b = Compiled.suite(tmp.resolve("b"), 20_000);
        Path html = tmp.resolve("ab.html");
        Cli.Result r = new Cli().run("ab", "--suite", Compiled.CLASS, "--a-classpath", a.toString(), "--b-classpath",
                b.toString(), "--warmup", "8", "--min-rounds", "3", "--rounds-budget", "6", "--quiet", "--format", "json", "--html",
                html.toString());
        assertEquals(ExitCodes.OK, r.code(), "no gate without --fail-on: " + r);
        JsonNode row = wallRow(new ObjectMapper().readTree(r.out()), "steps");
        assertEquals("regression", row.get("verdict").asText(), row.toPrettyString());
        assertTrue(row.get("delta_pct").asDouble() > 500, "B does 40x the work: " + row.toPrettyString());
        assertTrue(r.err().contains("A = " + a + ", B = " + b), r.toString());
        assertTrue(java.nio.file.Files.size(html) > 1000);
    }

    @Test
    void theTwoModesAreExclusiveAndComplete() {
        Cli.Result both = new Cli().run("ab", "--suite", "sorting", "--a", "x", "--b", "y", "--a-classpath", ".",
                "--b-classpath", ".");
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("give one pair"), both.toString());
        Cli.Result neither = new Cli().run("ab", "--suite", "sorting");
        assertEquals(ExitCodes.USAGE, neither.code());
        assertTrue(neither.err().contains("--a BENCH_A --b BENCH_B"), neither.toString());
        Cli.Result half = new Cli().run("ab", "--suite", "sorting", "--a-classpath", ".");
        assertEquals(ExitCodes.USAGE, half.code());
        assertTrue(half.err().contains("--b-classpath: missing"), half.toString());
        Cli.Result rounds = new Cli().run("ab", "--suite", "sorting", "--a", "arrays.sort", "--b", "parallel.sort",
                "--min-rounds", "2");
        assertEquals(ExitCodes.USAGE, rounds.code());
        assertTrue(rounds.err().contains("--min-rounds 2: must be >= 3"), rounds.toString());
        Cli.Result unknown = new Cli().run("ab", "--suite", "sorting", "--a", "arrays.sort", "--b", "quick.sort",
                "--forks", "0", "--quiet");
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("quick.sort") && unknown.err().contains("pick one of"), unknown.toString());
    }
}
