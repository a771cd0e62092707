package dev.benchbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.RoundsPlan;
import dev.benchbook.spec.SuiteValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@code Bench.ab(a, b, ...)}: two builds of one suite, benchmark by benchmark, in interleaved rounds. */
class AbBuildsTest {
    /** A build of suite "spin": "same" does the same work in every build, "work" does {@code work} steps. */
    private static Suite<Void> build(int work, Object... n) {
        return Bench.suite("spin").param("n", n)
                .benchmarkLong("same", ctx -> RegressionReportTest.spin(ctx.intParam("n")))
                .benchmarkLong("work", ctx -> RegressionReportTest.spin(work))
                .warmup(3).iterations(4).iterationTime(Duration.ofMillis(4)).quiet();
    }

    @Test
    void everySharedBenchmarkIsComparedAcrossTheTwoBuilds() {
        RegressionReport r = Bench.ab(build(5_000, 2_000), build(100_000, 2_000), new RoundsPlan(3, 9),
                DetectorConfig.DEFAULTS);
        Table t = r.table();
        Table time = t.where(t.stringColumn("metric").isEqualTo("wall_ns"));
        assertEquals(2, time.rowCount(), time.print());
        Table work = time.where(time.stringColumn("benchmark").isEqualTo("work"));
        assertEquals("regression", work.stringColumn("verdict").get(0), r.console());
        assertEquals("rounds", work.stringColumn("evidence").get(0));
        assertTrue(work.doubleColumn("delta_pct").get(0) > 500, r.console());
        Table same = time.where(time.stringColumn("benchmark").isEqualTo("same"));
        assertTrue(Math.abs(same.doubleColumn("delta_pct").get(0)) < 50, "the unchanged benchmark: " + r.console());
        Table rounds = r.rounds();
        assertEquals("benchmark", rounds.columnNames().get(0));
        assertTrue(rounds.stringColumn("benchmark").asSet().containsAll(java.util.Set.of("same", "work")),
                rounds.print());
    }

    @Test
    void buildsWithDifferentParamsOrNoSharedBenchmarkAreRefused() {
        SuiteValidationException params = assertThrows(SuiteValidationException.class,
                () -> Bench.ab(build(10, 100), build(10, 200), RoundsPlan.DEFAULT, DetectorConfig.DEFAULTS));
        assertTrue(params.getMessage().contains("ab.b.params"), params.getMessage());
        Suite<Void> other = Bench.suite("spin").param("n", 100).benchmarkLong("elsewhere", ctx -> 1L).quiet();
        SuiteValidationException names = assertThrows(SuiteValidationException.class,
                () -> Bench.ab(build(10, 100), other, RoundsPlan.DEFAULT, DetectorConfig.DEFAULTS));
        assertTrue(names.getMessage().contains("ab.b.benchmarks") && names.getMessage().contains("same"),
                names.getMessage());
    }
}
