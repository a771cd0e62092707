package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.Suite;
import dev.benchbook.engine.RunListener;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.table.Columns;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Adaptive warmup in the harness, on a fake clock and a fake JIT: each benchmark's cost per
 * invocation and the JIT's cumulative compile time are functions of the number of iterations
 * completed so far (warmup included), which a listener counts.
 */
class AdaptiveWarmupTest {
    private final FakeClock clock = new FakeClock();
    /** Iterations completed so far; an iteration's timed batch sees the count before it. */
    private final AtomicInteger done = new AtomicInteger();
    private final RunListener counting = new RunListener() {
        @Override
        public void onIteration(String benchmark, ParamSet params, IterationSample sample) {
            done.incrementAndGet();
        }
    };

    /** A benchmark costing {@code cost(iterations done)} fake nanoseconds per invocation. */
    private dev.benchbook.spec.Benchmark costing(IntToLongFunction cost) {
        return ctx -> {
            clock.advance(cost.applyAsLong(done.get()));
            return 1;
        };
    }

    private Results run(Suite<?> suite, CompilerActivity jit) {
        RunResult r = new Harness(clock, List.of(), (xs, level) -> Double.NaN, jit)
                .run(suite.iterations(5).iterationTime(Duration.ofMillis(1)).build(), counting);
        return new Results(r);
    }

    private static double[] warmupTimes(BenchmarkRun run) {
        return run.warmupSamples().stream().mapToDouble(IterationSample::wallNsPerOp).toArray();
    }

    @Test
    void stepDownWarmsUpUntilSteadyAndMeasuresOnlyTheFastLevel() {
        // 100 ns/op for the first 12 iterations, 20 from then on; the JIT compiles during each of those
        // 12 (the compilation that makes the code fast), then is quiet. The JIT is quiet from n = 15 on
        // (after-iteration readings 11 and 14 agree); a window x[n-10..n) with k leading 100s has halves
        // differing by 16k against a bound of 3 · 80/√18 · √(2/5) = 35.8 (σ̂ inflated by the one step), so
        // the window first counts as steady at n = 20, with k = 2.
        Results r = run(Bench.suite("s").benchmark("step", costing(i -> i < 12 ? 100 : 20)).adaptiveWarmup(5, 50),
                () -> 10L * Math.min(done.get(), 12));
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        double[] warm = warmupTimes(run);
        assertEquals(20, warm.length, () -> java.util.Arrays.toString(warm));
        for (int i = 0; i < warm.length; i++) {
            assertEquals(i < 12 ? 100.0 : 20.0, warm[i], 1e-9, "warmup iteration " + i);
        }
        assertEquals(5, run.measured().size());
        for (IterationSample s : run.measured()) {
            assertEquals(20.0, s.wallNsPerOp(), 1e-9, s.toString());
            assertTrue(s.batchSize() * 20 >= 1_000_000, "batch rescaled to the fast level: " + s.batchSize());
        }
        Table summary = r.summary();
        assertEquals(20, summary.intColumn(Columns.WARMUP_ITERATIONS).get(0));
        assertEquals(Boolean.TRUE, summary.booleanColumn(Columns.WARMUP_STEADY).get(0));
        assertEquals(20.0, summary.doubleColumn(Columns.MEAN_NS).get(0), 1e-9);
    }

    @Test
    void activeJitKeepsAFlatBenchmarkWarmingUp() {
        // Flat at 50 ns/op, so the times alone are steady from 10 on; the JIT compiles in every
        // iteration up to the 16th, and warmup ends once three iterations have passed without a compilation.
        Results r = run(Bench.suite("s").benchmark("flat", costing(i -> 50)).adaptiveWarmup(5, 50),
                () -> Math.min(done.get(), 16));
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(19, run.warmupSamples().size());
        assertEquals(19, r.summary().intColumn(Columns.WARMUP_ITERATIONS).get(0));
        assertEquals(Boolean.TRUE, r.summary().booleanColumn(Columns.WARMUP_STEADY).get(0));
    }

    @Test
    void fixedWarmupIsExactEvenWhenTheTimesStillDrift() {
        Results r = run(Bench.suite("s").benchmark("drift", costing(i -> 100 + 10L * i)).warmup(3),
                () -> 10L * done.get());
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(3, run.warmupSamples().size());
        assertEquals(List.of(0, 1, 2), run.warmupSamples().stream().map(IterationSample::index).toList());
        assertEquals(5, run.measured().size());
        Table summary = r.summary();
        assertEquals(3, summary.intColumn(Columns.WARMUP_ITERATIONS).get(0));
        assertTrue(summary.booleanColumn(Columns.WARMUP_STEADY).isMissing(0), "a fixed warmup is not judged");
    }

    @Test
    void capStopsAnAlwaysDriftingBenchmarkAndTheSummarySaysItWasNotSteady() {
        Results r = run(Bench.suite("s").benchmark("drift", costing(i -> 100 + 10L * i)).adaptiveWarmup(2, 12),
                () -> 5);
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(12, run.warmupSamples().size());
        assertEquals(5, run.measured().size());
        Table summary = r.summary();
        assertEquals(12, summary.intColumn(Columns.WARMUP_ITERATIONS).get(0));
        assertEquals(Boolean.FALSE, summary.booleanColumn(Columns.WARMUP_STEADY).get(0));
    }

    @Test
    void aCapBelowTheSteadinessWindowIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.benchbook.spec.SuiteValidationException.class,
                () -> Bench.suite("s").benchmark("b", ctx -> 1).adaptiveWarmup(2, 8).build());
        assertTrue(e.getMessage().contains("adaptiveWarmup(max)") && e.getMessage().contains("must be >= 10"),
                e.getMessage());
    }

    @Test
    void capAboveTheWindowStillStopsADriftWhileAFlatBenchmarkSettlesBeforeIt() {
        // A quiet JIT and a cap of 16, which leaves room for the window of 10: +10% per iteration is
        // never steady, a flat cost is steady as soon as the window is full.
        Results drift = run(Bench.suite("s").benchmark("drift", costing(i -> Math.round(100 * Math.pow(1.1, i))))
                .adaptiveWarmup(2, 16), () -> 5);
        assertEquals(16, drift.result().runs().get(0).warmupSamples().size());
        assertEquals(Boolean.FALSE, drift.summary().booleanColumn(Columns.WARMUP_STEADY).get(0));
        done.set(0);
        Results flat = run(Bench.suite("s").benchmark("flat", costing(i -> 100)).adaptiveWarmup(2, 16), () -> 5);
        assertEquals(10, flat.result().runs().get(0).warmupSamples().size());
        assertEquals(Boolean.TRUE, flat.summary().booleanColumn(Columns.WARMUP_STEADY).get(0));
    }

    @Test
    void adaptiveWarmupHonoursItsMinimum() {
        Results r = run(Bench.suite("s").benchmark("flat", costing(i -> 100)).adaptiveWarmup(13, 50), () -> 5);
        assertEquals(13, r.result().runs().get(0).warmupSamples().size());
        assertFalse(r.summary().booleanColumn(Columns.WARMUP_STEADY).isMissing(0));
    }
}
