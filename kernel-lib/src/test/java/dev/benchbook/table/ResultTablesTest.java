package dev.benchbook.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class ResultTablesTest {
    private static Results results;

    @BeforeAll
    static void runOnce() {
        results = Bench.suite("sorting")
                .param("size", 100, 1_000)
                .param("n", "x")
                .setup(ctx -> ctx.random().ints(ctx.intParam("size")).toArray())
                .benchmark("arrays.sort", (ctx, data) -> { int[] c = data.clone(); Arrays.sort(c); return c; })
                .benchmark("boom", ctx -> { throw new IllegalStateException("no"); })
                .warmup(2).iterations(3).iterationTime(Duration.ofMillis(2))
                .quiet().run();
    }

    @Test
    void summaryHasOneRowPerBenchmarkAndParamsWithContractColumns() {
        Table s = results.summary();
        assertEquals(4, s.rowCount());
        List<String> required = List.of("suite", "benchmark", "size", "n", "status", "n_iterations", "mean_ns", "median_ns",
                "stddev_ns", "cv", "ci_low_ns", "ci_high_ns", "ci_level", "min_ns", "max_ns", "cpu_ns",
                "alloc_bytes_per_op", "gc_count", "output_hash", "deterministic");
        assertTrue(s.columnNames().containsAll(required), s.columnNames().toString());
        assertEquals(ColumnType.INTEGER, s.column("size").type());
        Table ok = s.where(s.stringColumn("status").isEqualTo("ok"));
        assertEquals(2, ok.rowCount());
        for (int i = 0; i < ok.rowCount(); i++) {
            double mean = ok.doubleColumn("mean_ns").get(i);
            assertTrue(ok.doubleColumn("ci_low_ns").get(i) <= mean && mean <= ok.doubleColumn("ci_high_ns").get(i));
            assertTrue(ok.doubleColumn("min_ns").get(i) <= mean && mean <= ok.doubleColumn("max_ns").get(i));
            assertEquals(3, ok.intColumn("n_iterations").get(i));
            assertTrue(ok.booleanColumn("deterministic").get(i));
            assertEquals(16, ok.stringColumn("output_hash").get(i).length());
        }
        Table failed = s.where(s.stringColumn("status").isEqualTo("failed"));
        assertEquals(2, failed.rowCount());
        assertTrue(failed.stringColumn("error").get(0).contains("IllegalStateException: no"));
        assertEquals(0, failed.intColumn("n_iterations").get(0));
        assertEquals(ColumnType.STRING, s.column("n").type(), "a param named n keeps its name");
    }

    @Test
    void summaryCarriesRigourColumns() {
        Table s = results.summary();
        assertTrue(s.columnNames().containsAll(List.of("boot_ci_low_ns", "boot_ci_high_ns", "outliers_mild",
                "outliers_severe", "steady_from", "steady", "precision", "target_precision", "target_met",
                "precision_miss", "stop_reason")), s.columnNames().toString());
        Table ok = s.where(s.stringColumn("status").isEqualTo("ok"));
        for (int i = 0; i < ok.rowCount(); i++) {
            assertEquals("fixed", ok.stringColumn("stop_reason").get(i));
            double mean = ok.doubleColumn("mean_ns").get(i);
            assertTrue(ok.doubleColumn("boot_ci_low_ns").get(i) <= mean && mean <= ok.doubleColumn("boot_ci_high_ns").get(i));
            boolean met = ok.booleanColumn("target_met").get(i);
            assertEquals(met, ok.doubleColumn("precision").get(i) <= 0.02);
            String miss = ok.stringColumn("precision_miss").get(i);
            assertTrue(met ? miss.isEmpty() : List.of("too_few_iterations", "noise").contains(miss), miss);
        }
    }

    @Test
    void compareGivesOneRowPerParamCombinationWithTestsAndRatio() {
        // Busy-waiting for a fixed time gives ratios that no JIT can change: about 4 at both sizes.
        Results two = Bench.suite("cmp").param("size", 200, 400)
                .benchmarkLong("spin", ctx -> spin(ctx.intParam("size") * 100L))
                .benchmarkLong("spin.x4", ctx -> spin(ctx.intParam("size") * 400L))
                .warmup(1).iterations(6).iterationTime(Duration.ofMillis(10)).quiet().run();
        Table c = two.compare("spin", "spin.x4");
        assertEquals(2, c.rowCount());
        assertEquals(List.of("200", "400"), c.stringColumn("size").asList());
        for (int i = 0; i < 2; i++) {
            double ratio = c.doubleColumn("ratio").get(i);
            assertTrue(ratio > 2, "four times the wait must be slower: " + ratio);
            // BCa may shift the interval off a skewed small sample's point estimate, so only its order is checked.
            assertTrue(c.doubleColumn("ratio_ci_low").get(i) <= c.doubleColumn("ratio_ci_high").get(i));
            assertTrue(c.doubleColumn("ratio_ci_high").get(i) > 1.0, "four times the work is slower");
            assertTrue(c.doubleColumn("hodges_lehmann_ns").get(i) > 0);
            assertTrue(c.doubleColumn("cliffs_delta").get(i) > 0, "most candidate iterations are slower");
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> two.compare("spin", "nope"));
        assertTrue(e.getMessage().startsWith("compare(candidate=\"nope\"): no such benchmark"), e.getMessage());
    }

    private static long spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        while (System.nanoTime() < end) {
            n++;
        }
        return n;
    }

    @Test
    void samplesHoldMeasuredIterationsAndAllSamplesAddTheFlaggedWarmup() {
        Table t = results.samples();
        assertEquals(2 * 3, t.rowCount(), "only arrays.sort produced iterations, at two sizes");
        assertEquals(0, t.where(t.booleanColumn("warmup").isTrue()).rowCount());
        Table all = results.allSamples();
        assertEquals(2 * (2 + 3), all.rowCount());
        assertEquals(4, all.where(all.booleanColumn("warmup").isTrue()).rowCount());
        assertTrue(t.columnNames().containsAll(List.of("suite", "benchmark", "size", "n", "iteration", "warmup",
                "batch_size", "wall_ns", "cpu_ns", "alloc_bytes_per_op", "gc_count", "gc_time_ms",
                "output_hash", "outlier")), t.columnNames().toString());
        assertEquals(t.columnNames(), all.columnNames());
    }

    @Test
    void csvExportWritesBothTablesAndReadsBack(@TempDir Path dir) throws Exception {
        List<Path> files = results.writeCsv(dir.resolve("out"));
        List<String> expected = new java.util.ArrayList<>(List.of("sorting-summary.csv", "sorting-samples.csv"));
        if (!results.findingList().isEmpty()) {
            expected.add("sorting-findings.csv");
        }
        assertEquals(expected, files.stream().map(p -> p.getFileName().toString()).toList());
        Table back = Table.read().csv(files.get(0).toFile());
        assertEquals(results.summary().rowCount(), back.rowCount());
        assertEquals(results.summary().columnNames(), back.columnNames());
        try (var listing = Files.list(dir.resolve("out"))) {
            assertFalse(listing.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void htmlViewEscapesNamesAndShowsFailures() {
        String html = Bench.suite("<script>alert(1)</script>").benchmark("<b>x</b>", ctx -> 1)
                .warmup(0).iterations(1).iterationTime(Duration.ofMillis(1)).run().toHtml();
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"));
        assertTrue(results.toHtml().contains("boom [size=100, n=x] failed: benchmark threw IllegalStateException: no"));
        assertTrue(results.toHtml().contains("<th>mean</th>"), "the notebook view leads with the headline");
    }
}
