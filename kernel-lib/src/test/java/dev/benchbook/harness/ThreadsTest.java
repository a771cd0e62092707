package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.SuiteValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    /** Whether the caller is one of a benchmark's threads, not the measuring thread's trial or verification call. */
    private static boolean onWorker() {
        return Thread.currentThread().getName().contains(" thread ");
    }

    private static RunResult run(dev.benchbook.Suite<?> suite) {
        return suite.quiet().run().result();
    }

    @Test
    void allThreadsAreInsideTheBodyAtOnce() {
        // A barrier of 4 inside the body: it only opens when four threads call the body at the same time, and
        // a thread left waiting alone for a second fails the run.
        CyclicBarrier inside = new CyclicBarrier(4);
        RunResult r = run(Bench.suite("s").threads(4)
                .benchmark("meet", ctx -> onWorker() ? inside.await(1, TimeUnit.SECONDS) : 0)
                .warmup(1).iterations(2).iterationTime(Duration.ofMillis(5)));
        BenchmarkRun run = r.runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
    }

    @Test
    void everyThreadRunsTheWholeBatchAndThroughputAddsUp() {
        int n = 3;
        AtomicLongArray calls = new AtomicLongArray(n);
        AtomicLongArray workerCalls = new AtomicLongArray(n);
        RunResult r = run(Bench.suite("s").threads(n)
                .benchmark("count", ctx -> {
                    calls.incrementAndGet(ctx.threadIndex());
                    if (onWorker()) {
                        workerCalls.incrementAndGet(ctx.threadIndex());
                    }
                    return ctx.threadIndex();
                })
                .warmup(2).iterations(3).iterationTime(Duration.ofMillis(5)));
        BenchmarkRun run = r.runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        long batches = run.samples().stream().mapToLong(IterationSample::batchSize).sum();
        assertEquals(workerCalls.get(0), workerCalls.get(1));
        assertEquals(workerCalls.get(1), workerCalls.get(2));
        assertTrue(workerCalls.get(1) >= batches, workerCalls.get(1) + " calls < " + batches + " batched");
        // Thread 0's context also serves the measuring thread: one trial call and one verification per iteration.
        assertEquals(workerCalls.get(0) + 1 + run.samples().size(), calls.get(0));
        for (IterationSample s : run.measured()) {
            Map<String, Double> v = s.values();
            double total = v.get(Metrics.OPS_PER_S.id());
            assertEquals(n * 1e9 / s.wallNsPerOp(), total, total * 1e-9);
            double perThread = v.get(Metrics.OPS_PER_S_PER_THREAD.id());
            assertTrue(perThread >= total / n * 0.999, perThread + " per thread, " + total + " in all");
            assertTrue(v.get(Metrics.OPS_PER_S_MIN_THREAD.id()) <= perThread * 1.000001);
            assertTrue(v.get(Metrics.CPU_NS_PER_THREAD.id()) > 0);
            assertTrue(v.containsKey(Metrics.ALLOC_BYTES_PER_THREAD.id()));
        }
    }

    @Test
    void allocationIsCountedOnEveryThread() {
        RunResult r = run(Bench.suite("s").threads(2)
                .benchmark("alloc", ctx -> new byte[1000])
                .warmup(1).iterations(2).iterationTime(Duration.ofMillis(5)));
        IterationSample s = r.runs().get(0).measured().get(0);
        // 1000 bytes plus the array header per op, on each thread; the measuring thread's own share is none.
        assertEquals(1016, s.values().get(Metrics.ALLOC_BYTES_PER_OP.id()), 8);
        assertEquals(1016.0 * s.batchSize(), s.values().get(Metrics.ALLOC_BYTES_PER_THREAD.id()), 8.0 * s.batchSize());
    }

    @Test
    void aFailureInOneThreadFailsTheRunWithItsError() {
        RunResult r = run(Bench.suite("s").threads(4)
                .benchmark("boom", ctx -> {
                    if (ctx.threadIndex() == 2 && onWorker()) {
                        throw new IllegalStateException("queue corrupted");
                    }
                    return 1;
                })
                .benchmark("after", ctx -> 2)
                .warmup(1).iterations(2).iterationTime(Duration.ofMillis(5)));
        BenchmarkRun boom = r.runsOf("boom").get(0);
        assertEquals(Status.FAILED, boom.status());
        assertTrue(boom.error().contains("IllegalStateException: queue corrupted on thread 2 of 4"), boom.error());
        assertEquals(Status.OK, r.runsOf("after").get(0).status());
    }

    @Test
    void aTimeoutStopsEveryThread() throws InterruptedException {
        RunResult r = run(Bench.suite("slow").threads(3)
                .benchmark("sleepy", ctx -> { Thread.sleep(20); return 1; })
                .warmup(0).iterations(1000).iterationTime(Duration.ofMillis(50)).timeout(Duration.ofMillis(400)));
        BenchmarkRun run = r.runs().get(0);
        assertEquals(Status.TIMED_OUT, run.status());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<Thread> left;
        do {
            Thread.sleep(20);
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("benchbook slow/sleepy")).toList();
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertTrue(left.isEmpty(), "still running: " + left);
    }

    @Test
    void severalCountsBecomeAThreadsParam() {
        RunResult r = run(Bench.suite("s").threads(1, 2)
                .benchmark("b", ctx -> ctx.threadCount())
                .warmup(1).iterations(2).iterationTime(Duration.ofMillis(5)));
        assertEquals(2, r.runs().size());
        for (BenchmarkRun run : r.runs()) {
            int threads = (Integer) run.params().values().get("threads");
            assertEquals(Status.OK, run.status(), run.error());
            assertEquals(threads, (int) OutputHasherValue.of(run));
            assertTrue(run.measured().get(0).values().containsKey(Metrics.OPS_PER_S.id()));
        }
    }

    @Test
    void singleThreadRunsHaveNoThreadMetrics() {
        RunResult r = run(Bench.suite("s").threads(1).benchmark("b", ctx -> 1)
                .warmup(1).iterations(2).iterationTime(Duration.ofMillis(5)));
        Map<String, Double> v = r.runs().get(0).measured().get(0).values();
        assertFalse(v.containsKey(Metrics.OPS_PER_S.id()));
        assertTrue(v.containsKey(Metrics.CPU_NS.id()));
    }

    @Test
    void badThreadCountsAreRefusedWithTheFix() {
        SuiteValidationException e = assertThrows(SuiteValidationException.class,
                () -> Bench.suite("s").threads(0).benchmark("b", ctx -> 1).build());
        assertTrue(e.getMessage().contains("threads") && e.getMessage().contains("between 1 and 1024"), e.getMessage());
        e = assertThrows(SuiteValidationException.class,
                () -> Bench.suite("s").threadsParam("writers").benchmark("b", ctx -> 1).build());
        assertTrue(e.getMessage().contains("names no param") && e.getMessage().contains("param(\"writers\""),
                e.getMessage());
        e = assertThrows(SuiteValidationException.class,
                () -> Bench.suite("s").param("writers", "a", "b").threadsParam("writers").benchmark("b", ctx -> 1).build());
        assertTrue(e.getMessage().contains("integers"), e.getMessage());
        e = assertThrows(SuiteValidationException.class,
                () -> Bench.suite("s").threads(2, 2).command("ls", "/bin/ls").build());
        assertTrue(e.getMessage().contains("distinct") && e.getMessage().contains("external command"), e.getMessage());
    }

    @Test
    void aThreadsParamDrivesTheCount() {
        RunResult r = run(Bench.suite("s").param("writers", 2).threadsParam("writers")
                .benchmark("b", ctx -> ctx.threadCount())
                .warmup(1).iterations(1).iterationTime(Duration.ofMillis(5)));
        assertEquals(2, (int) OutputHasherValue.of(r.runs().get(0)));
    }

    /** The output a run's verification calls returned, through the hash of a known int. */
    private static final class OutputHasherValue {
        static int of(BenchmarkRun run) {
            long h = run.measured().get(0).outputHash();
            for (int i = 1; i <= 64; i++) {
                if (OutputHasher.hash(i) == h) {
                    return i;
                }
            }
            throw new AssertionError("output hash " + h + " is no small int's");
        }
    }
}
