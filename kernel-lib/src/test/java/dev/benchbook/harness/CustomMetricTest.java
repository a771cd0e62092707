package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.engine.RunListener;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.table.Columns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A benchmark's own figures, reported with {@code ctx.metric(name, value)}, from the sample to the run file. */
class CustomMetricTest {

    @Test
    void iterationValueIsTheMeanOfItsReportsAndTheSummaryHasItsInterval() {
        // On a fake clock, every invocation of iteration i (its timed batch and its verification call)
        // reports rows = 1000 + 10 i. Warmup 0..1, measured 2..5: 1020, 1030, 1040, 1050.
        // Mean 1035; s = √(500 / 3) = 12.9099; t(0.9995, 3) = 12.9240; half-width 12.9240 · 12.9099 / 2
        // = 83.424, so the 99.9% interval is [951.576, 1118.424].
        FakeClock clock = new FakeClock();
        AtomicInteger done = new AtomicInteger();
        RunListener counting = new RunListener() {
            @Override
            public void onIteration(String benchmark, ParamSet params, IterationSample sample) {
                done.incrementAndGet();
            }
        };
        var suite = Bench.suite("s").benchmark("scan", ctx -> {
            clock.advance(100);
            ctx.metric("rows", 1000 + 10 * done.get());
            return 1;
        }).warmup(2).iterations(4).iterationTime(Duration.ofMillis(1));
        RunResult result = new Harness(clock, List.of(), (xs, level) -> Double.NaN, () -> -1)
                .run(suite.build(), counting);
        BenchmarkRun run = result.runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        assertEquals(List.of(1000.0, 1010.0, 1020.0, 1030.0, 1040.0, 1050.0),
                run.samples().stream().map(s -> s.value("rows")).toList());
        Results r = new Results(result);
        assertEquals(List.of(1020.0, 1030.0, 1040.0, 1050.0), r.samples().doubleColumn("rows").asList());
        Table summary = r.summary();
        assertEquals(1035.0, summary.doubleColumn("rows").get(0), 1e-9);
        assertEquals(951.576, summary.doubleColumn("rows_ci_low").get(0), 1e-3);
        assertEquals(1118.424, summary.doubleColumn("rows_ci_high").get(0), 1e-3);
    }

    @Test
    void customMetricReachesSamplesSummaryMetricsTableReportAndRunFile(@TempDir Path dir) throws IOException {
        Results r = Bench.suite("scan").benchmark("rows", ctx -> {
                    ctx.metric("rows_read", 1000);
                    return 1;
                })
                .benchmark("plain", ctx -> 2)
                .warmup(1).iterations(3).iterationTime(Duration.ofMillis(2)).quiet().run();
        assertTrue(r.problems().isEmpty(), () -> r.problems().toString());

        Table samples = r.samples();
        assertTrue(samples.columnNames().contains("rows_read"), samples.columnNames().toString());
        Table ofRows = samples.where(samples.stringColumn("benchmark").isEqualTo("rows"));
        assertEquals(3, ofRows.rowCount());
        for (double v : ofRows.doubleColumn("rows_read").asDoubleArray()) {
            assertEquals(1000.0, v, 0.0);
        }
        Table ofPlain = samples.where(samples.stringColumn("benchmark").isEqualTo("plain"));
        assertEquals(3, ofPlain.doubleColumn("rows_read").countMissing(), "a benchmark that never reports lacks it");

        Table summary = r.summary();
        List<String> names = summary.columnNames();
        int at = names.indexOf("rows_read");
        assertTrue(at > 0, names.toString());
        assertEquals(List.of("rows_read", "rows_read_ci_low", "rows_read_ci_high"), names.subList(at, at + 3));
        assertEquals(1000.0, summary.doubleColumn("rows_read").get(0), 0.0);
        assertEquals(1000.0, summary.doubleColumn("rows_read_ci_low").get(0), 1e-9, "a constant has a zero-width interval");
        assertEquals(1000.0, summary.doubleColumn("rows_read_ci_high").get(0), 1e-9);
        assertTrue(summary.doubleColumn("rows_read").isMissing(1), "missing for the benchmark that does not report it");

        Table metrics = r.metrics();
        Table row = metrics.where(metrics.stringColumn("metric").isEqualTo("rows_read"));
        assertEquals(1, row.rowCount(), metrics.print());
        assertTrue(row.booleanColumn("supported").get(0));
        assertEquals("neutral", row.stringColumn("direction").get(0));
        assertEquals("mean", row.stringColumn("aggregate").get(0));
        assertTrue(row.stringColumn("description").get(0).contains("ctx.metric(\"rows_read\", value)"));

        Table plainHeadline = Bench.suite("scan").benchmark("rows", ctx -> 1).benchmark("plain", ctx -> 2)
                .warmup(1).iterations(3).iterationTime(Duration.ofMillis(2)).quiet().run().headline();
        assertEquals(plainHeadline.columnNames(), r.headline().columnNames(), "the headline is unaffected");

        String html = Files.readString(r.report(dir.resolve("scan.html")));
        assertTrue(html.contains("<th>rows_read</th>"), "the full summary in the report has the column");
        assertTrue(html.contains("<th>rows_read_ci_high</th>"));

        Results back = Results.read(r.writeJson(dir.resolve("scan.json")));
        assertEquals(r.result(), back.result());
        assertSameTable(summary, back.summary());
        assertSameTable(samples, back.samples());
        assertSameTable(metrics, back.metrics());
    }

    @Test
    void badNamesAndValuesFailTheBenchmarkWithTheRuleAndTheFixAndTheSuiteGoesOn() {
        Results r = Bench.suite("s")
                .benchmark("upper", ctx -> {
                    ctx.metric("Rows", 1);
                    return 1;
                })
                .benchmark("builtin", ctx -> {
                    ctx.metric("cpu_ns", 1);
                    return 1;
                })
                .benchmark("nan", ctx -> {
                    ctx.metric("rows", Double.NaN);
                    return 1;
                })
                .benchmark("infinite", ctx -> {
                    ctx.metric("rows", Double.POSITIVE_INFINITY);
                    return 1;
                })
                .benchmark("fine", ctx -> {
                    ctx.metric("rows", 3);
                    return 1;
                })
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(1)).quiet().run();
        String upper = failed(r, "upper");
        assertTrue(upper.contains("ctx.metric(name=\"Rows\")"), upper);
        assertTrue(upper.contains("must match [a-z][a-z0-9_]{0,62}"), upper);
        assertTrue(upper.contains("use e.g. ctx.metric(\"rows\", n)"), upper);
        String builtin = failed(r, "builtin");
        assertTrue(builtin.contains("ctx.metric(name=\"cpu_ns\")"), builtin);
        assertTrue(builtin.contains("built-in metric"), builtin);
        assertTrue(builtin.contains("\"my_cpu_ns\""), builtin);
        String nan = failed(r, "nan");
        assertTrue(nan.contains("ctx.metric(\"rows\", NaN)"), nan);
        assertTrue(nan.contains("must be a finite number"), nan);
        assertTrue(failed(r, "infinite").contains("ctx.metric(\"rows\", Infinity)"));
        BenchmarkRun fine = r.result().runsOf("fine").get(0);
        assertEquals(Status.OK, fine.status(), fine.error());
        assertEquals(3.0, r.summary().doubleColumn("rows").get(4), 0.0);
    }

    @Test
    void namesOfFixedResultColumnsAreRefusedBeforeTheyBreakTheTables() {
        // A custom metric named like a summary column would give the summary two columns of one name.
        Results r = Bench.suite("s")
                .benchmark("status", ctx -> {
                    ctx.metric("status", 1);
                    return 1;
                })
                .benchmark("mean", ctx -> {
                    ctx.metric("mean_ns", 1);
                    return 1;
                })
                .benchmark("ratio", ctx -> {
                    ctx.metric("ratio", 0.5);
                    return 1;
                })
                .benchmark("fine", ctx -> 1)
                .baseline("fine")
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(1)).quiet().run();
        for (String[] c : new String[][] {{"status", "status"}, {"mean", "mean_ns"}, {"ratio", "ratio"}}) {
            String error = failed(r, c[0]);
            assertTrue(error.contains("ctx.metric(name=\"" + c[1] + "\")"), error);
            assertTrue(error.contains("result column"), error);
            assertTrue(error.contains("\"my_" + c[1] + "\""), error);
        }
        assertEquals(4, r.summary().rowCount(), "the tables still build");
        assertEquals(Status.OK, r.result().runsOf("fine").get(0).status());
    }

    @Test
    void aParamsNameIsRefusedAsAMetricName() {
        Results r = Bench.suite("s").param("rows", 10)
                .benchmark("b", ctx -> {
                    ctx.metric("rows", ctx.intParam("rows"));
                    return 1;
                })
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(1)).quiet().run();
        String error = failed(r, "b");
        assertTrue(error.contains("ctx.metric(name=\"rows\")"), error);
        assertTrue(error.contains("param"), error);
        assertEquals(1, r.summary().rowCount());
    }

    @Test
    void everyFixedColumnNameAndIntervalSuffixIsRefused() {
        for (String name : Columns.RESERVED) {
            var ctx = new BenchContext("s", "b", ParamSet.EMPTY, 1);
            var e = assertThrows(IllegalArgumentException.class, () -> ctx.metric(name, 1), name);
            assertTrue(e.getMessage().startsWith("ctx.metric(name=\"" + name + "\"): "), e.getMessage());
        }
        var ctx = new BenchContext("s", "b", ParamSet.EMPTY, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> ctx.metric("rows_ci_low", 1));
        assertTrue(e.getMessage().contains("interval column"), e.getMessage());
        assertTrue(e.getMessage().endsWith("e.g. \"rows_low\""), e.getMessage());
        ctx.metric("rows", 1);
        ctx.metric("status_code", 1);
        assertEquals(java.util.Map.of("rows", 1.0, "status_code", 1.0), ctx.customMetrics().means());
    }

    private static String failed(Results r, String benchmark) {
        BenchmarkRun run = r.result().runsOf(benchmark).get(0);
        assertEquals(Status.FAILED, run.status(), benchmark);
        assertTrue(run.error().startsWith("benchmark threw IllegalArgumentException: "), run.error());
        return run.error();
    }

    private static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames(), expected.name());
        assertEquals(expected.rowCount(), actual.rowCount(), expected.name());
        for (int i = 0; i < expected.columnCount(); i++) {
            Column<?> a = expected.column(i);
            Column<?> b = actual.column(i);
            assertEquals(a.type(), b.type(), a.name());
            assertEquals(a.asList(), b.asList(), a.name());
        }
        assertFalse(expected.isEmpty());
    }
}
