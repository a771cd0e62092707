package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Status;
import dev.benchbook.spec.SpecProblem;
import dev.benchbook.spec.SuiteValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The memory limit on a real heap. The limit applies to the live heap a run holds beyond what the JVM
 * held when the run started, so the test JVM's own data does not count against it.
 */
class MemoryLimitTest {
    private static final long MIB = 1L << 20;
    private static final Pattern LIVE = Pattern.compile(
            "exceeded memoryLimit ([0-9.]+) MiB: the run held ([0-9.]+) MiB of live heap \\(after a collection\\) beyond "
                    + "the ([0-9.]+) MiB the JVM held when it started");

    /** The live heap now, after a full collection. */
    private static long liveHeap() {
        System.gc();
        var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    @Test
    void retainingEverMoreMemoryEndsAtTheLimitAndTheSuiteGoesOn() {
        // The limit counts what the run holds beyond the JVM's live heap at its start, not the test JVM's own data.
        long before = liveHeap();
        long limit = 32 * MIB;
        Results r = Bench.suite("mem").setup(ctx -> new ArrayList<byte[]>())
                .benchmark("hoard", (ctx, kept) -> {
                    kept.add(new byte[1 << 20]);
                    return kept.size();
                })
                .benchmark("light", (ctx, kept) -> kept.size())
                // Batches of about one invocation: the limit is checked between batches, so a batch can
                // overshoot it by what it retains itself.
                .memoryLimit(limit).warmup(0).iterations(200).iterationTime(Duration.ofNanos(1_000)).quiet().run();
        BenchmarkRun hoard = r.result().runsOf("hoard").get(0);
        assertEquals(Status.MEMORY_EXCEEDED, hoard.status(), hoard.error());
        String error = hoard.error();
        Matcher m = LIVE.matcher(error);
        assertTrue(m.find(), error);
        assertEquals(limit / (double) MIB, Double.parseDouble(m.group(1)), 0.05, error);
        double live = Double.parseDouble(m.group(2));
        assertTrue(live >= limit / (double) MIB, error);
        assertTrue(live < limit / (double) MIB + 64, "stopped soon after passing the limit: " + error);
        assertTrue(error.contains("raise .memoryLimit(...) or make the benchmark retain less"), error);
        assertTrue(hoard.samples().size() < 200, "stopped before its 200 iterations: " + hoard.samples().size());

        BenchmarkRun light = r.result().runsOf("light").get(0);
        assertEquals(Status.OK, light.status(), light.error());
        assertEquals(200, light.measured().size());

        Table summary = r.summary();
        assertEquals(List.of("memory_exceeded", "ok"), summary.stringColumn("status").asList());
        assertTrue(summary.doubleColumn("peak_heap_bytes").get(0) > 32 * MIB, summary.print());
        assertTrue(summary.doubleColumn("peak_live_heap_bytes").get(0) > limit + before * 0.5,
                "a collection ran, so the live peak (the JVM's) is known and above the limit");
        assertEquals(before / (double) MIB, Double.parseDouble(m.group(3)), 16, error);
        assertTrue(r.problems().contains(hoard));
    }

    @Test
    void retentionIsCaughtEvenAfterAnEarlierCollectionSawLittleLiveData() {
        long limit = 32 * MIB;
        // The setup collects, so the run starts with a fresh, small live-heap reading. Arrays of nearly
        // 4 MiB are humongous in G1 (at least half a region), so they go straight to the old generation
        // without filling eden: no collection follows for a long while, and that early reading must not
        // stand in for the live heap once the heap in use passes the limit. Each iteration (one timed
        // invocation and the verification call) retains about 8 MiB.
        Results r = Bench.suite("mem").setup(ctx -> {
                    System.gc();
                    return new ArrayList<byte[]>();
                })
                .benchmark("hoard", (ctx, kept) -> {
                    kept.add(new byte[(4 << 20) - 64]);
                    return kept.size();
                })
                .memoryLimit(limit).warmup(0).iterations(100).iterationTime(Duration.ofNanos(1_000)).quiet().run();
        BenchmarkRun hoard = r.result().runsOf("hoard").get(0);
        assertEquals(Status.MEMORY_EXCEEDED, hoard.status(), hoard.error());
        Matcher m = LIVE.matcher(hoard.error());
        assertTrue(m.find(), hoard.error());
        assertTrue(Double.parseDouble(m.group(2)) < limit / (double) MIB + 24,
                "stopped within about one iteration of passing the limit: " + hoard.error());
        assertTrue(hoard.samples().size() <= 8, "iterations: " + hoard.samples().size());
    }

    @Test
    void aRunUnderTheLimitIsOkAndReportsItsPeakHeap() {
        Results r = Bench.suite("mem").benchmark("small", ctx -> new byte[64])
                .memoryLimit(liveHeap() + 256 * MIB).warmup(1).iterations(3).iterationTime(Duration.ofMillis(1))
                .quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        Table summary = r.summary();
        assertTrue(summary.columnNames().contains("peak_heap_bytes"), summary.columnNames().toString());
        assertTrue(summary.doubleColumn("peak_heap_bytes").get(0) > 0);
        assertTrue(run.runValue("peak_heap_bytes") > 0);
    }

    @Test
    void peakLiveHeapIsReportedWhenACollectionRan() {
        Results r = Bench.suite("mem").benchmark("collects", ctx -> {
                    System.gc();
                    return 1;
                })
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(1)).quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        assertTrue(run.runValue("peak_live_heap_bytes") > 0, run.runValues().toString());
        assertTrue(run.runValue("peak_live_heap_bytes") <= run.runValue("peak_heap_bytes"), run.runValues().toString());
        Table summary = r.summary();
        assertEquals(run.runValue("peak_live_heap_bytes"), summary.doubleColumn("peak_live_heap_bytes").get(0), 0.0);
    }

    @Test
    void nonPositiveLimitIsAValidationErrorWithTheFix() {
        for (long bad : new long[] {0, -5}) {
            var e = assertThrows(SuiteValidationException.class,
                    () -> Bench.suite("s").benchmark("a", ctx -> 1).memoryLimit(bad).build());
            assertEquals(1, e.problems().size(), e.getMessage());
            SpecProblem p = e.problems().get(0);
            assertEquals("memoryLimit", p.field());
            assertEquals(String.valueOf(bad), p.value());
            assertEquals("must be a positive number of bytes", p.rule());
            assertEquals("use memoryLimit(64L << 20) for 64 MiB", p.fix());
        }
    }
}
