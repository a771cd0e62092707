package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.engine.RunListener;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HarnessTest {
    private final FakeClock clock = new FakeClock();
    private double precision = Double.NaN;

    private RunResult runFake(dev.benchbook.Suite<?> suite) {
        return new Harness(clock, List.of(JvmThreadSource.INSTANCE), (xs, level) -> precision, () -> -1)
                .run(suite.build(), RunListener.NONE);
    }

    @Test
    void measuresExactTimePerOperationWithFakeClock() {
        RunResult r = runFake(Bench.suite("s").benchmark("fifty", ctx -> { clock.advance(50); return 1; })
                .warmup(2).iterations(3).iterationTime(Duration.ofMillis(10)));
        BenchmarkRun run = r.runs().get(0);
        assertEquals(Status.OK, run.status());
        assertEquals(5, run.samples().size());
        assertEquals(2, run.samples().stream().filter(IterationSample::warmup).count());
        for (IterationSample s : run.samples()) {
            assertEquals(50.0, s.wallNsPerOp(), 1e-9);
            assertTrue(s.batchSize() * 50 >= 10_000_000L, "batch " + s.batchSize() + " below the iteration target");
        }
        assertEquals(List.of(50.0, 50.0, 50.0), Arrays.stream(run.wallNsPerOp()).boxed().toList());
    }

    @Test
    void adaptiveRunStopsAtMinimumOnceTargetIsMet() {
        precision = 0.01;
        BenchmarkRun run = runFake(Bench.suite("s").benchmark("b", ctx -> { clock.advance(10); return 1; })
                .warmup(1).minIterations(7).targetPrecision(0.02).iterationTime(Duration.ofMillis(1))).runs().get(0);
        assertEquals(StopReason.TARGET_MET, run.stopReason());
        assertEquals(7, run.measured().size());
    }

    @Test
    void adaptiveRunStopsAtIterationCapWhenTargetIsOutOfReach() {
        precision = 0.5;
        BenchmarkRun run = runFake(Bench.suite("s").benchmark("b", ctx -> { clock.advance(10); return 1; })
                .warmup(0).minIterations(3).maxIterations(12).iterationTime(Duration.ofMillis(1))).runs().get(0);
        assertEquals(StopReason.ITERATION_CAP, run.stopReason());
        assertEquals(12, run.measured().size());
    }

    @Test
    void adaptiveRunStopsAtTimeCap() {
        precision = 0.5;
        // Each iteration takes 1 ms of fake time plus its untimed verification call (10 µs).
        BenchmarkRun run = runFake(Bench.suite("s").benchmark("b", ctx -> { clock.advance(10_000); return 1; })
                .warmup(0).minIterations(3).maxIterations(1000).maxTime(Duration.ofMillis(20))
                .iterationTime(Duration.ofMillis(1))).runs().get(0);
        assertEquals(StopReason.TIME_CAP, run.stopReason());
        assertTrue(run.measured().size() >= 19 && run.measured().size() <= 20, "n=" + run.measured().size());
    }

    @Test
    void fixedIterationsIgnoreThePrecisionTarget() {
        precision = 0.001;
        BenchmarkRun run = runFake(Bench.suite("s").benchmark("b", ctx -> { clock.advance(10); return 1; })
                .warmup(0).iterations(9).iterationTime(Duration.ofMillis(1))).runs().get(0);
        assertEquals(StopReason.FIXED, run.stopReason());
        assertEquals(9, run.measured().size());
    }

    @Test
    void verificationInvocationIsOutsideTimedRegion() {
        AtomicInteger calls = new AtomicInteger();
        RunResult r = runFake(Bench.suite("s").benchmark("count", ctx -> {
                    calls.incrementAndGet();
                    clock.advance(1_000_000);
                    return 1;
                }).warmup(0).iterations(4).iterationTime(Duration.ofMillis(5)));
        BenchmarkRun run = r.runs().get(0);
        long timed = run.samples().stream().mapToLong(IterationSample::batchSize).sum();
        long trial = 1; // one untimed call tells which box the generic body returns
        long calibration = 1 + 6; // a 1 ms batch of 1, extrapolated to 6 (10% above 5 ms), which suffices
        assertEquals(trial + calibration + timed + 4, calls.get(), "one untimed verification call per iteration");
        assertEquals(1_000_000.0, run.samples().get(0).wallNsPerOp(), 1e-9);
    }

    @Test
    void sameSeedGivesSameOutputHashAndNanoTimeIsNotDeterministic() {
        var suite = Bench.suite("s").param("size", 1_000).seed(99)
                .setup(ctx -> ctx.random().ints(ctx.intParam("size")).toArray())
                .benchmark("sort", (ctx, data) -> { int[] c = data.clone(); Arrays.sort(c); return c; })
                .benchmark("clock", ctx -> System.nanoTime())
                .warmup(1).iterations(3).iterationTime(Duration.ofMillis(2));
        RunResult a = suite.run().result();
        RunResult b = suite.run().result();
        BenchmarkRun sortA = a.runsOf("sort").get(0);
        assertTrue(sortA.deterministic());
        assertEquals(sortA.outputHash(), b.runsOf("sort").get(0).outputHash());
        assertFalse(a.runsOf("clock").get(0).deterministic());
        RunResult other = suite.seed(100).run().result();
        assertFalse(sortA.outputHash().equals(other.runsOf("sort").get(0).outputHash()));
    }

    @Test
    void throwingBenchmarkIsRecordedAndSuiteGoesOn() {
        RunResult r = Bench.suite("s")
                .benchmark("boom", ctx -> { throw new IllegalStateException("kaput"); })
                .benchmark("fine", ctx -> 42)
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(1)).run().result();
        BenchmarkRun boom = r.runsOf("boom").get(0);
        assertEquals(Status.FAILED, boom.status());
        assertTrue(boom.error().startsWith("benchmark threw IllegalStateException: kaput"), boom.error());
        assertEquals(Status.OK, r.runsOf("fine").get(0).status());
        assertEquals(2, r.runsOf("fine").get(0).measured().size());
    }

    @Test
    void failingSetupIsRecordedPerParamCombination() {
        RunResult r = Bench.suite("s").param("n", 1, 2)
                .setup(ctx -> { if (ctx.intParam("n") == 2) { throw new IllegalArgumentException("no 2"); } return 1; })
                .benchmark("b", (ctx, s) -> s)
                .warmup(0).iterations(1).iterationTime(Duration.ofMillis(1)).run().result();
        assertEquals(Status.OK, r.runs().get(0).status());
        assertEquals(Status.FAILED, r.runs().get(1).status());
        assertTrue(r.runs().get(1).error().startsWith("setup threw IllegalArgumentException: no 2"));
    }

    @Test
    void runawayBenchmarkIsStoppedAtTimeoutAndSuiteGoesOn() {
        RunResult r = Bench.suite("s")
                .benchmark("spin", ctx -> { long x = 0; while (x >= 0) { x++; if (x == Long.MAX_VALUE) { x = 0; } } return x; })
                .benchmark("after", ctx -> 1)
                .warmup(0).iterations(1).iterationTime(Duration.ofMillis(1)).timeout(Duration.ofMillis(300))
                .run().result();
        BenchmarkRun spin = r.runsOf("spin").get(0);
        assertEquals(Status.TIMED_OUT, spin.status());
        assertTrue(spin.error().startsWith("exceeded timeout PT0.3S"), spin.error());
        assertEquals(Status.OK, r.runsOf("after").get(0).status());
    }

    @Test
    void teardownRunsAfterMeasuringAndItsFailureIsRecorded() {
        AtomicInteger torn = new AtomicInteger();
        RunResult r = Bench.suite("s").param("n", 1, 2).setup(ctx -> ctx.intParam("n"))
                .benchmark("b", (ctx, s) -> s)
                .teardown((ctx, s) -> { torn.incrementAndGet(); if (s == 2) { throw new IllegalStateException("leak"); } })
                .warmup(0).iterations(1).iterationTime(Duration.ofMillis(1)).run().result();
        assertEquals(2, torn.get());
        assertEquals(Status.OK, r.runs().get(0).status());
        assertTrue(r.runs().get(1).error().startsWith("teardown threw IllegalStateException: leak"));
    }

    @Test
    void allocationIsCountedPerOperationAndExcludesBookkeeping() {
        RunResult r = Bench.suite("s").param("size", 1_000)
                .setup(ctx -> new long[ctx.intParam("size")])
                .benchmark("clone", (ctx, a) -> a.clone())
                // ~20 µs per call: a few hundred calls per batch, so bookkeeping of even one small object
                // per batch would show; a long result is consumed without the Blackhole ever allocating.
                .benchmarkLong("spin", (ctx, a) -> {
                    long end = System.nanoTime() + 20_000;
                    long n = 0;
                    while (System.nanoTime() < end) {
                        n++;
                    }
                    return n + a.length;
                })
                .warmup(2).iterations(3).iterationTime(Duration.ofMillis(5)).quiet().run().result();
        double clone = r.runsOf("clone").get(0).measured().get(0).allocBytesPerOp();
        assertEquals(8016, clone, 1.0, "a long[1000] is 16 header bytes + 8000");
        // Warmup may pay one-time costs (class initialisation, linkage) in the measuring thread; after it,
        // every batch must show exactly the benchmark's own allocation, which here is none.
        for (var sample : r.runsOf("spin").get(0).measured()) {
            assertEquals(0.0, sample.allocBytesPerOp(), "bookkeeping must not be counted: " + sample);
        }
    }
}
