package dev.benchbook.regress;

import dev.benchbook.plot.TestRuns;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.MetricSet;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Runs built as records with known fork means and noise: nothing is measured. */
final class Runs {
    static final int ITERATIONS = 10;
    static final long BATCH = 1_000;

    private Runs() {}

    /** A benchmark run with {@code forks} forks (0: one in-process run) around {@code nsPerOp}. */
    static BenchmarkRun run(String name, double nsPerOp, int forks, double forkNoise, double iterNoise, double alloc,
            long seed) {
        Random rnd = new Random(seed);
        List<IterationSample> samples = new ArrayList<>();
        int units = Math.max(1, forks);
        for (int f = 0; f < units; f++) {
            double forkMean = nsPerOp * Math.exp(forkNoise * rnd.nextGaussian());
            for (int i = 0; i < ITERATIONS; i++) {
                double v = forkMean * Math.exp(iterNoise * rnd.nextGaussian());
                IterationSample s = IterationSample.jvm(i, false, BATCH, Math.round(v * BATCH), Math.round(v * BATCH),
                        Math.round(alloc * BATCH), 0, 0, 7);
                samples.add(forks == 0 ? s : s.inFork(f + 1));
            }
        }
        return new BenchmarkRun(name, ParamSet.EMPTY, Status.OK, "", samples);
    }

    static RunResult result(Map<String, String> sources, BenchmarkRun... runs) {
        return result(TestRuns.ENVIRONMENT, sources, runs);
    }

    static RunResult result(Environment env, Map<String, String> sources, BenchmarkRun... runs) {
        List<String> names = java.util.Arrays.stream(runs).map(BenchmarkRun::benchmark).distinct().toList();
        SuiteDescriptor d = new SuiteDescriptor("s", "", List.of(), names, dev.benchbook.spec.RunControls.fixed(2,
                ITERATIONS, Duration.ofMillis(10), Duration.ofMinutes(1), 42, 0.999), dev.benchbook.spec.Checks.defaults(),
                "", sources);
        return new RunResult(d, env, TestRuns.GIT, TestRuns.STARTED, Duration.ofSeconds(1), List.of(runs),
                MetricSet.inferred(List.of(runs), Map.of()));
    }
}
