package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.stats.PrecisionMiss;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunStatsTest {
    private static final RunControls FIXED = RunControls.fixed(0, 10, Duration.ofMillis(1), Duration.ofMinutes(1), 1, 0.999);

    private static BenchmarkRun run(StopReason stop, double... nsPerOp) {
        List<IterationSample> s = new ArrayList<>();
        for (int i = 0; i < nsPerOp.length; i++) {
            s.add(IterationSample.jvm(i, false, 1000, Math.round(nsPerOp[i] * 1000), -1, -1, 0, 0, 1));
        }
        return new BenchmarkRun("b", ParamSet.EMPTY, Status.OK, "", s, stop);
    }

    @Test
    void fixedRunMissingTargetNeedsMoreIterations() {
        // cv ≈ 2.6%: 10 iterations give ±2.7% at 99.9%, a few more reach ±2%.
        RunStats st = RunStats.of(run(StopReason.FIXED, 100, 103, 97, 101, 99, 104, 96, 100, 102, 98), FIXED);
        assertTrue(st.precision() > 0.02, "precision " + st.precision());
        assertEquals(Optional.of(PrecisionMiss.TOO_FEW_ITERATIONS), st.miss());
    }

    @Test
    void wildNoiseIsNoise() {
        RunStats st = RunStats.of(run(StopReason.FIXED, 100, 300, 50, 400, 80, 250, 60, 500, 90, 120), FIXED);
        assertEquals(Optional.of(PrecisionMiss.NOISE), st.miss());
    }

    @Test
    void cappedAdaptiveRunIsCap() {
        RunControls adaptive = new RunControls(0, 5, false, 10, Duration.ofSeconds(1), 0.02, Duration.ofMillis(1),
                Duration.ofMinutes(1), 1, 0.999, 0);
        RunStats st = RunStats.of(run(StopReason.ITERATION_CAP, 100, 103, 97, 101, 99, 104, 96, 100, 102, 98), adaptive);
        assertEquals(Optional.of(PrecisionMiss.CAP), st.miss());
    }

    @Test
    void metTargetHasNoMiss() {
        RunStats st = RunStats.of(run(StopReason.FIXED, 100, 100.1, 99.9, 100, 100.05, 99.95, 100, 100, 100.1, 99.9), FIXED);
        assertTrue(st.targetMet(FIXED));
        assertEquals(Optional.empty(), st.miss());
    }

    @Test
    void forkVarianceMatchesAHandComputedExample() {
        // Three forks of three measured iterations (ns/op), each after two warmup iterations:
        //   fork 1: 100, 102,  98   mean 100, squared deviations 0 + 4 + 4 = 8
        //   fork 2: 110, 112, 108   mean 110, 8
        //   fork 3:  90,  93,  87   mean  90, 0 + 9 + 9 = 18
        // Grand mean 900 / 9 = 100.
        // between_fork_cv: the per-fork means 100, 110, 90 have sample variance (0 + 100 + 100) / 2 = 100,
        //   stddev 10, over 100 = 0.1.
        // within_fork_cv: pooled variance (8 + 8 + 18) / (2 + 2 + 2) = 34 / 6 = 5.6667, stddev 2.38048,
        //   over 100 = 0.0238048.
        double[][] forks = {{100, 102, 98}, {110, 112, 108}, {90, 93, 87}};
        List<IterationSample> s = new ArrayList<>();
        for (int f = 0; f < forks.length; f++) {
            int index = 0;
            for (int w = 0; w < 2; w++) {
                s.add(IterationSample.jvm(index++, true, 1000, 500_000, -1, -1, 0, 0, 1).inFork(f + 1));
            }
            for (double ns : forks[f]) {
                s.add(IterationSample.jvm(index++, false, 1000, Math.round(ns * 1000), -1, -1, 0, 0, 1).inFork(f + 1));
            }
        }
        RunStats st = RunStats.of(new BenchmarkRun("b", ParamSet.EMPTY, Status.OK, "", s, StopReason.FIXED), FIXED);
        assertEquals(3, st.forks());
        assertEquals(9, st.times().n());
        assertEquals(100.0, st.times().mean(), 1e-9);
        assertEquals(0.1, st.betweenForkCv(), 1e-9);
        assertEquals(Math.sqrt(34.0 / 6) / 100, st.withinForkCv(), 1e-9);
        assertEquals(0.0238048, st.withinForkCv(), 1e-7);
        assertEquals(2, st.warmupIterations(), "warmup is counted per fork, not summed over forks");
    }

    @Test
    void forkVarianceIsUndefinedInProcess() {
        RunStats st = RunStats.of(run(StopReason.FIXED, 100, 102, 98, 110), FIXED);
        assertEquals(0, st.forks());
        assertTrue(Double.isNaN(st.betweenForkCv()));
        assertTrue(Double.isNaN(st.withinForkCv()));
    }
}
