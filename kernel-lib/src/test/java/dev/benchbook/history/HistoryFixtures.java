package dev.benchbook.history;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.GitState;
import dev.benchbook.result.Host;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.MetricSet;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.RuntimeInfo;
import dev.benchbook.result.Status;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Runs built as records from a seed: nothing is measured, and the same seed gives the equal run. */
final class HistoryFixtures {
    static final Environment ENV = new Environment(
            new Host("history-host", "Linux", "6.1.0", "amd64", "Example CPU @ 3.00GHz", 2, -1, 8L << 30, 0.25),
            new RuntimeInfo("java", "Example Vendor", "17.0.15", "OpenJDK 64-Bit Server VM 17.0.15+6",
                    "G1 Young Generation, G1 Old Generation", 4L << 30, List.of("-Xmx4g"), "0.1.0-SNAPSHOT"));
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final List<Object> SIZES = List.of(100, 1_000);
    static final List<String> BENCHMARKS = List.of("sort", "shuffle");
    static final Metric ITEMS = Metric.custom("items");
    static final int WARMUP = 2;
    static final int ITERATIONS = 6;
    static final int FORKS = 2;

    private HistoryFixtures() {}

    /**
     * Run {@code index} of a history: suite "sorting", benchmarks sort and shuffle at size 100 and 1000,
     * two forks of 2 warmup and 6 measured iterations, each sample with cpu, alloc, gc and a custom metric
     * "items", each run with a peak heap run value; plus a failed benchmark "broken". The wall time of sort
     * at size 1000 is {@code sortNs} times lognormal noise of 1% (seeded by {@code index}); the others are
     * fixed multiples of it.
     */
    static RunResult run(int index, double sortNs) {
        Random rnd = new Random(1_000L + index);
        List<BenchmarkRun> runs = new ArrayList<>();
        for (Object size : SIZES) {
            ParamSet p = new ParamSet(Map.of("size", size));
            for (String b : BENCHMARKS) {
                double base = sortNs * ((Integer) size / 1_000.0) * (b.equals("sort") ? 1 : 0.5);
                runs.add(benchmark(b, p, base, rnd));
            }
            runs.add(new BenchmarkRun("broken", p, Status.FAILED, "java.lang.IllegalStateException: no", List.of(),
                    dev.benchbook.result.StopReason.NONE, Map.of(), "in-process"));
        }
        SuiteDescriptor suite = new SuiteDescriptor("sorting", "history fixture",
                List.of(new ParamSpec("size", SIZES)), List.of("sort", "shuffle", "broken"),
                RunControls.fixed(WARMUP, ITERATIONS, Duration.ofMillis(100), Duration.ofMinutes(1), 42, 0.99)
                        .withForks(FORKS), Checks.defaults(), "sort");
        MetricSet metrics = MetricSet.inferred(runs, List.of(ITEMS), Map.of(Metrics.CYCLES.id(), "no PMU here"));
        GitState git = new GitState(String.format("%040x", 0xabc000L + index), index % 5 == 0 ? "feature" : "main",
                index % 7 == 0);
        return new RunResult(suite, ENV, git, T0.plusSeconds(3_600L * index), Duration.ofSeconds(30 + index), runs,
                metrics);
    }

    private static BenchmarkRun benchmark(String name, ParamSet p, double nsPerOp, Random rnd) {
        List<IterationSample> samples = new ArrayList<>();
        long batch = 1_000;
        for (int f = 1; f <= FORKS; f++) {
            for (int i = 0; i < WARMUP + ITERATIONS; i++) {
                double ns = nsPerOp * Math.exp(0.01 * rnd.nextGaussian()) * (i < WARMUP ? 1.5 : 1);
                Map<String, Double> v = new LinkedHashMap<>();
                v.put(Metrics.CPU_NS.id(), ns * 0.97);
                v.put(Metrics.ALLOC_BYTES_PER_OP.id(), 64.0);
                v.put(Metrics.GC_COUNT.id(), (double) (i % 3 == 0 ? 1 : 0));
                v.put(Metrics.GC_TIME_MS.id(), (double) (i % 3 == 0 ? 2 : 0));
                v.put(ITEMS.id(), 10.0 + i);
                samples.add(new IterationSample(i, i < WARMUP, f, batch, Math.round(ns * batch), 7L, v));
            }
        }
        return new BenchmarkRun(name, p, Status.OK, "", samples, dev.benchbook.result.StopReason.FIXED,
                Map.of(Metrics.PEAK_HEAP_BYTES.id(), 1.0e6 + rnd.nextInt(1000)), "fork");
    }

    /** How many raw values {@code run} holds, counted from the record itself. */
    static int rawCount(RunResult run) {
        int n = 0;
        for (BenchmarkRun r : run.runs()) {
            for (IterationSample s : r.samples()) {
                n += 1 + s.values().size();
            }
            n += r.runValues().size();
        }
        return n;
    }

    static Map<String, String> size(int n) {
        return Map.of("size", Integer.toString(n));
    }
}
