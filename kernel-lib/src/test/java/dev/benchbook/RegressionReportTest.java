package dev.benchbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.plot.Plots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class RegressionReportTest {
    @TempDir
    Path dir;

    static long spin(int n) {
        long x = 1;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    private static Suite<Void> suite(int slowWork) {
        return Bench.suite("spin").param("n", 20_000)
                .benchmarkLong("fast", ctx -> spin(ctx.intParam("n")))
                .benchmarkLong("slow", ctx -> spin(ctx.intParam("n") * slowWork / 100))
                .warmup(2).iterations(4).iterationTime(Duration.ofMillis(5)).quiet();
    }

    @Test
    void abFindsATwofoldSlowdownInInterleavedRounds() throws Exception {
        RegressionReport r = Bench.ab(suite(200), "fast", "slow");
        Table t = r.table();
        for (String col : List.of("benchmark", "n", "metric", "baseline", "candidate", "delta_pct", "delta_ci_low_pct",
                "delta_ci_high_pct", "p_value", "mde_pct", "verdict", "severity", "reason", "evidence", "status")) {
            assertTrue(t.columnNames().contains(col), col + " in " + t.columnNames());
        }
        Table time = t.where(t.stringColumn("metric").isEqualTo("wall_ns"));
        assertEquals(1, time.rowCount());
        assertEquals("regression", time.stringColumn("verdict").get(0), r.console());
        assertEquals("critical", time.stringColumn("severity").get(0));
        assertEquals("rounds", time.stringColumn("evidence").get(0));
        assertEquals(20_000, time.intColumn("n").get(0));
        assertTrue(time.doubleColumn("delta_pct").get(0) > 50, r.console());
        assertTrue(r.failsAt("major"));
        // Stopped at an early look (6, 9 or 14 rounds), well before the budget of 30; each round's order recorded.
        assertTrue(List.of(6, 9, 14).contains(r.rounds().rowCount()), r.rounds().print());
        assertTrue(r.rounds().stringColumn("order").asSet().stream().allMatch(o -> o.equals("AB") || o.equals("BA")));

        JsonNode json = new ObjectMapper().readTree(r.json());
        assertEquals("benchbook-regressions", json.get("format").asText());
        assertEquals("critical", json.get("worst").asText());
        assertTrue(r.markdown().contains("| slow [n=20000] | wall_ns |"), r.markdown());
        assertTrue(r.console().lines().count() < 25, r.console());
        Path html = r.report(dir.resolve("cmp.html"));
        String page = Files.readString(html);
        assertTrue(page.contains("Benchbook comparison") && page.contains("benchbook_regressions_plot"));
        assertFalse(page.contains("<script src="), "everything inlined");
        assertNotNull(Plots.regressions(r));
    }

    @Test
    void abRefusesUnknownBenchmarksWithTheChoices() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.benchbook.spec.SuiteValidationException.class,
                () -> Bench.ab(suite(100), "fast", "nope"));
        assertTrue(e.getMessage().contains("ab.b") && e.getMessage().contains("[fast, slow]"), e.getMessage());
    }

    @Test
    void compareToAFileOrAResults() {
        Results base = suite(100).run();
        Path f = base.writeJson(dir.resolve("base.json"));
        RegressionReport byPath = base.compareTo(f);
        RegressionReport byResults = base.compareTo(base);
        assertEquals(byPath.table().rowCount(), byResults.table().rowCount());
        // The same run against itself: every tested row is no change (deterministic metrics equal, time equal).
        assertTrue(byResults.analysis().rows().stream().noneMatch(x -> x.verdict() == dev.benchbook.regress.Verdict
                .REGRESSION), byResults.console());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> base.compareTo(42));
        assertTrue(e.getMessage().contains("pass a baseline name"), e.getMessage());
    }
}
