package dev.benchbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Comparisons that take their run-to-run spread from a history store, and baselines copied into one. */
class HistoryComparisonTest {
    @TempDir
    Path dir;

    /** The code under test's work: read by the benchmark, so changing it leaves the benchmark's hash alone. */
    static volatile int work = 20_000;

    private static Suite<Void> suite() {
        return Bench.suite("spin")
                .benchmarkLong("spin", ctx -> RegressionReportTest.spin(work))
                .warmup(5).iterations(5).iterationTime(Duration.ofMillis(10)).quiet();
    }

    @Test
    void oneRunASideRestsOnTheHistorysSpreadOnceItHasTenRuns() {
        work = 20_000;
        for (int i = 0; i < 3; i++) {
            suite().run(); // let the JIT settle first, as a CI job's earlier suites would
        }
        try (History history = History.open(dir.resolve("history.db").toString())) {
            Results baseline = suite().run();
            Path file = baseline.saveBaseline("main", dir.resolve("baselines"), history);
            assertTrue(file.toFile().isFile());
            Table runs = history.runs();
            assertEquals(1, runs.rowCount());
            assertEquals("baseline main", runs.stringColumn("label").get(0));

            // nine runs in the store: too few for a spread, so the verdict rests on the margin
            for (int i = 0; i < 8; i++) {
                history.write(suite().run(), "main");
            }
            work = 400_000;
            Results slower = suite().run();
            assertEquals("margin", evidence(slower.compareTo(file, history)));

            // a tenth run: now the history's spread decides, and a twentyfold slowdown is a regression
            work = 20_000;
            history.write(suite().run(), "main");
            RegressionReport report = slower.compareTo(file, history);
            assertEquals("history", evidence(report));
            assertTrue(row(report).getString("reason").contains("10 past runs"), row(report).getString("reason"));
            assertEquals("regression", row(report).getString("verdict"), () -> report.table().print() + history.series("spin", "wall_ns").print());
            assertEquals("critical", row(report).getString("severity"));
        }
    }

    @Test
    void aNullHistoryIsRefusedWithTheAlternative() {
        Results r = suite().run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.compareTo(r, (History) null));
        assertTrue(e.getMessage().contains("compareTo(other)"), e.getMessage());
    }

    private static tech.tablesaw.api.Row row(RegressionReport report) {
        Table t = report.table();
        Table wall = t.where(t.stringColumn("metric").isEqualTo("wall_ns"));
        assertEquals(1, wall.rowCount(), t.print());
        return wall.row(0);
    }

    private static String evidence(RegressionReport report) {
        return row(report).getString("evidence");
    }
}
