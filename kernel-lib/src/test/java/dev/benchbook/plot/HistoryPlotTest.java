package dev.benchbook.plot;

import static dev.benchbook.plot.FigureJs.js;
import static dev.benchbook.plot.FigureJs.title;
import static dev.benchbook.plot.FigureJs.traceTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HistoryPlotTest {
    private static Table byCommit() {
        return Table.create("history",
                StringColumn.create("commit", "1234567", "89abcde", "1234567", "89abcde", "f00baa5"),
                StringColumn.create("benchmark", "a", "a", "b", "b", "a"),
                DoubleColumn.create("mean_ns", 12_000, 12_500, 30_000, 29_000, 11_900));
    }

    @Test
    void oneLinePerBenchmarkOverCommitsInTableOrder() {
        var f = Plots.history(byCommit(), "commit", "mean_ns");
        assertEquals(List.of("scatter", "scatter"), traceTypes(f));
        String js = js(f);
        assertTrue(js.contains("x: [\"1234567\",\"89abcde\",\"f00baa5\"]"), js);
        assertTrue(js.contains("type: 'category'"), "numeric-looking hashes stay categories");
        assertTrue(js.contains("title: 'mean (µs/op)'"), js);
        assertEquals("history: mean_ns over commit", title(f));
    }

    @Test
    void timesAreSortedAndWrittenAsPlotlyDates() {
        Table t = Table.create("runs",
                DateTimeColumn.create("time",
                        List.of(LocalDateTime.of(2025, 1, 2, 3, 4), LocalDateTime.of(2025, 1, 1, 0, 0))),
                DoubleColumn.create("throughput", 5, 4));
        String js = js(Plots.history(t, "time", "throughput"));
        assertTrue(js.contains("x: [\"2025-01-01 00:00:00.000\",\"2025-01-02 03:04:00.000\"]"), js);
        assertTrue(js.contains("y: [\"4.0\",\"5.0\"]"), js);
        assertTrue(js.contains("title: 'throughput'"));
    }

    @Test
    void changePointsAreMarkedOnTheirLine() {
        Table t = Table.create("series",
                StringColumn.create("commit", "c1", "c2", "c3", "c4"),
                DoubleColumn.create("mean", 10, 10.1, 13, 13.1),
                tech.tablesaw.api.BooleanColumn.create("change_point", false, false, true, false));
        var f = Plots.history(t, "commit", "mean");
        assertEquals(List.of("scatter", "scatter"), traceTypes(f), "the line and its change-point markers");
        String js = js(f);
        assertTrue(js.contains("x: [\"c3\"]"), js);
        assertTrue(js.contains("change point"), js);
        assertTrue(js.contains("diamond-open"), js);
    }

    @Test
    void missingOrTextValueColumnsAreRefusedWithTheColumns() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Plots.history(byCommit(), "sha", "mean_ns"));
        assertEquals("table 'history' has no column 'sha' (the commit or time of each row); its columns are"
                + " [commit, benchmark, mean_ns]; pass the name of one of them",
                missing.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> Plots.history(byCommit(), "commit", "benchmark"));
        assertTrue(text.getMessage().startsWith("table 'history', column 'benchmark': type STRING is not numeric"),
                text.getMessage());
    }
}
