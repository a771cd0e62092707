package dev.benchbook.suites.standard;

import static dev.benchbook.suites.TinyRuns.allOkAndDeterministic;
import static dev.benchbook.suites.TinyRuns.tiny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Suite;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteCatalog;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandardSuitesTest {

    @Test
    void theStandardGroupHoldsTheEightSuitesByShortName() {
        SuiteCatalog c = SuiteCatalog.standard();
        assertEquals(8, c.resolve("standard").size());
        assertEquals(List.of(HashMapSuite.class), c.resolve("hash-map"));
        for (Class<? extends SuiteFactory> s : c.resolve("standard")) {
            Bench.suite(s).build();
        }
    }

    @Test
    void sortingAlgorithmsAllProduceTheSameSortedOutput() {
        RunResult r = tiny(Bench.suite(SortingAlgorithmsSuite.class).paramValues("size", 500));
        allOkAndDeterministic(r);
        for (String pattern : List.of("random", "sorted", "reversed", "few-unique")) {
            Set<Long> h = new HashSet<>();
            r.runs().stream().filter(x -> x.params().values().get("pattern").equals(pattern))
                    .forEach(x -> h.add(x.samples().get(0).outputHash()));
            assertEquals(1, h.size(), pattern + ": the algorithms disagree");
        }
    }

    @Test
    void hashMapsAgreeOnLookupsAcrossImplementations() {
        RunResult r = tiny(Bench.suite(HashMapSuite.class).paramValues("size", 300).paramValues("keys", "random"));
        allOkAndDeterministic(r);
        for (String b : List.of("lookup.hit", "lookup.miss", "delete")) {
            Set<Long> h = new HashSet<>();
            r.runsOf(b).forEach(x -> h.add(x.samples().get(0).outputHash()));
            assertEquals(1, h.size(), b + ": the maps disagree");
        }
    }

    @Test
    void stringsMatrixAndJsonRunDeterministically() {
        allOkAndDeterministic(tiny(Bench.suite(StringsSuite.class).paramValues("size", 200)));
        RunResult m = tiny(Bench.suite(MatrixSuite.class).paramValues("size", 40));
        allOkAndDeterministic(m);
        allOkAndDeterministic(tiny(Bench.suite(JsonSuite.class).paramValues("orders", 5)));
    }

    @Test
    void matrixAlgorithmsAgreeWithinRounding() {
        java.util.Random r = new java.util.Random(1);
        double[][] a = MatrixSuite.fill(70, r, false);
        double[][] b = MatrixSuite.fill(70, r, false);
        double[][] n = MatrixSuite.naive(a, b);
        double[][] t = MatrixSuite.transposed(a, b);
        double[][] k = MatrixSuite.blocked(a, b);
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 70; j++) {
                assertEquals(n[i][j], t[i][j], 1e-9);
                assertEquals(n[i][j], k[i][j], 1e-9);
            }
        }
    }

    @Test
    void compressionReportsASaneRatio() {
        RunResult r = tiny(Bench.suite(CompressionSuite.class).paramValues("size", 32_768));
        allOkAndDeterministic(r);
        for (BenchmarkRun run : r.runs()) {
            if (!run.benchmark().endsWith(".compress")) {
                continue;
            }
            double ratio = run.measured().get(0).values().get("compression_ratio");
            String data = (String) run.params().values().get("data");
            if (data.equals("random")) {
                assertTrue(ratio > 0.95 && ratio <= 1.01, run.benchmark() + " on random: " + ratio);
            } else {
                assertTrue(ratio > 2, run.benchmark() + " on " + data + ": " + ratio);
            }
        }
    }

    @Test
    void anInjectedDelayShowsInEveryRoundTrip() {
        RunResult r = tiny(Bench.suite(NetworkSuite.class).paramValues("payload", 64).paramValues("delay_us", 0, 1_000)
                .paramValues("latency", "fixed"));
        allOkAndDeterministic(r);
        for (BenchmarkRun run : r.runs()) {
            int delay = (Integer) run.params().values().get("delay_us");
            for (IterationSample s : run.measured()) {
                if (delay == 1_000) {
                    assertTrue(s.wallNsPerOp() >= 1_000_000, run.benchmark() + ": " + s.wallNsPerOp() + " ns/op");
                } else {
                    assertTrue(s.wallNsPerOp() < 1_000_000, run.benchmark() + ": " + s.wallNsPerOp() + " ns/op");
                }
            }
        }
    }

    @Test
    void concurrentStructuresRunOnEachThreadCount() {
        RunResult r = tiny(Bench.suite(ConcurrentSuite.class).paramValues("key_count", 256));
        allOkAndDeterministic(r);
        Set<Object> counts = new HashSet<>();
        for (BenchmarkRun run : r.runs()) {
            counts.add(run.params().values().get("threads"));
            Map<String, Double> v = run.measured().get(0).values();
            assertTrue(v.get("ops_per_s") > 0, run.benchmark());
        }
        assertEquals(Set.of(1, 2, 4), counts);
    }

    @Test
    void aCompiledSuiteRunsForkedWithOverriddenParamsAndThreads() {
        RunResult r = tiny(Bench.suite(ConcurrentSuite.class).paramValues("key_count", 64).paramValues("threads", 2)
                .forks(1));
        for (BenchmarkRun run : r.runs()) {
            assertEquals(Status.OK, run.status(), run.benchmark() + ": " + run.error());
            assertEquals(1, run.samples().stream().mapToInt(IterationSample::fork).max().orElse(0));
            assertTrue(run.measured().get(0).values().containsKey("ops_per_s"));
        }
    }
}
