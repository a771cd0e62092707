package dev.benchbook.plot;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic run results built as records, for plot and report tests: nothing is measured. */
public final class TestRuns {
    public static final Environment ENVIRONMENT = new Environment(
            new dev.benchbook.result.Host("bench-host", "Linux", "6.1.0", "amd64", "Example CPU @ 3.00GHz", 2, -1,
                    8L << 30, 0.5),
            new dev.benchbook.result.RuntimeInfo("java", "Example Vendor", "17.0.15",
                    "OpenJDK 64-Bit Server VM 17.0.15+6", "G1 Young Generation, G1 Old Generation", 4L << 30,
                    List.of("-Xmx4g"), "0.1.0-SNAPSHOT"));
    /** The commit the test runs claim to have measured. */
    public static final dev.benchbook.result.GitState GIT = new dev.benchbook.result.GitState(
            "0123456789abcdef0123456789abcdef01234567", "main", false);
    public static final Instant STARTED = Instant.parse("2025-01-02T03:04:05Z");
    public static final int WARMUP = 2;
    public static final int ITERATIONS = 5;

    private TestRuns() {}

    /**
     * Suite "sorting": param size = 1000, 10000, 100000; benchmarks arrays.sort (n log n), parallel.sort
     * (faster for large n) and broken (failed at every size, no samples).
     */
    public static RunResult sorting() {
        List<Object> sizes = List.of(1_000, 10_000, 100_000);
        List<BenchmarkRun> runs = new ArrayList<>();
        long seed = 1;
        for (Object size : sizes) {
            int n = (Integer) size;
            ParamSet p = new ParamSet(Map.of("size", size));
            double nlogn = n * Math.log(n) / Math.log(2);
            runs.add(run("arrays.sort", p, 2.0 * nlogn, 4L * n + 16, seed++));
            runs.add(run("parallel.sort", p, 1.2 * nlogn + 20_000, 4L * n + 400, seed++));
            runs.add(new BenchmarkRun("broken", p, Status.FAILED, "benchmark threw IllegalStateException: no",
                    List.of()));
        }
        SuiteDescriptor suite = new SuiteDescriptor("sorting", "Sorting int arrays of random values",
                List.of(new ParamSpec("size", sizes)), List.of("arrays.sort", "parallel.sort", "broken"),
                controls(), dev.benchbook.spec.Checks.defaults(), "arrays.sort");
        return new RunResult(suite, ENVIRONMENT, GIT, STARTED, Duration.ofMillis(12_345), runs);
    }

    /** Suite "maps" without params: benchmarks hashmap (about 50 ns/op) and treemap (about 120 ns/op). */
    public static RunResult noParams() {
        SuiteDescriptor suite = new SuiteDescriptor("maps", "", List.of(), List.of("hashmap", "treemap"), controls());
        return new RunResult(suite, ENVIRONMENT, GIT, STARTED, Duration.ofMillis(2_000), List.of(
                run("hashmap", ParamSet.EMPTY, 50, 0, 11), run("treemap", ParamSet.EMPTY, 120, 32, 12)));
    }

    /** The name every hostile string builds on. */
    public static final String SCRIPT = "<script>alert(1)</script>";

    /**
     * Suite named {@code <script>alert(1)</script> | 'q' \ x} with benchmarks {@link #SCRIPT} and
     * {@code b|*x*}, and a text param "kind" with values {@code </script><b>x</b>} and {@code a|b\c}.
     */
    public static RunResult hostile() {
        List<Object> kinds = List.of("</script><b>x</b>", "a|b\\c");
        List<BenchmarkRun> runs = new ArrayList<>();
        long seed = 21;
        for (Object kind : kinds) {
            ParamSet p = new ParamSet(Map.of("kind", kind));
            runs.add(run(SCRIPT, p, 900, 8, seed++));
            runs.add(run("b|*x*", p, 1_100, 8, seed++));
        }
        SuiteDescriptor suite = new SuiteDescriptor(SCRIPT + " | 'q' \\ x", "<img src=x onerror=alert(2)> _d_",
                List.of(new ParamSpec("kind", kinds)), List.of(SCRIPT, "b|*x*"), controls());
        return new RunResult(suite, ENVIRONMENT, GIT, STARTED, Duration.ofMillis(3_000), runs);
    }

    /** Suite "nothing": one benchmark that failed, no samples anywhere. */
    public static RunResult allFailed() {
        SuiteDescriptor suite = new SuiteDescriptor("nothing", "", List.of(), List.of("boom"), controls());
        return new RunResult(suite, ENVIRONMENT, GIT, STARTED, Duration.ofMillis(10), List.of(
                new BenchmarkRun("boom", ParamSet.EMPTY, Status.FAILED, "benchmark threw RuntimeException: x",
                        List.of())));
    }

    public static RunControls controls() {
        return RunControls.fixed(WARMUP, ITERATIONS, Duration.ofMillis(100), Duration.ofMinutes(5), 42, 0.999);
    }

    /**
     * A run whose measured iterations scatter within ±3% around {@code baseNs} per op, after warmup
     * iterations that start 60% slower; batches sized to 100 ms.
     */
    public static BenchmarkRun run(String bench, ParamSet params, double baseNs, long allocPerOp, long seed) {
        Random random = new Random(seed);
        long batch = Math.max(1, Math.round(1e8 / baseNs));
        List<IterationSample> samples = new ArrayList<>();
        for (int i = 0; i < WARMUP + ITERATIONS; i++) {
            boolean warmup = i < WARMUP;
            double factor = warmup ? 1.6 - 0.2 * i : 1 + (random.nextDouble() - 0.5) * 0.06;
            long wall = Math.round(baseNs * factor * batch);
            samples.add(IterationSample.jvm(i, warmup, batch, wall, Math.round(wall * 0.98), allocPerOp * batch,
                    i == 3 ? 1 : 0, i == 3 ? 2 : 0, 0x5eedL));
        }
        return new BenchmarkRun(bench, params, Status.OK, "", samples);
    }
}
