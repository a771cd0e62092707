package dev.benchbook.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JmhImportTest {

    /** A minimal JMH entry; {@code rest} is spliced in before primaryMetric. */
    static String entry(String benchmark, String mode, int threads, String unit, String rawData, String rest) {
        return """
                {"benchmark": "%s", "mode": "%s", "threads": %d, "forks": 1, "warmupIterations": 1,
                 "measurementIterations": 2, %s
                 "primaryMetric": {"score": 1.0, "scoreError": "NaN", "scoreUnit": "%s", "rawData": %s},
                 "secondaryMetrics": {}}
                """.formatted(benchmark, mode, threads, rest, unit, rawData);
    }

    static IterationSample without(IterationSample s, String metric) {
        Map<String, Double> values = new java.util.LinkedHashMap<>(s.values());
        values.remove(metric);
        return new IterationSample(s.index(), s.warmup(), s.fork(), s.batchSize(), s.wallNs(), s.outputHash(), values);
    }

    static RunResult readArray(String... entries) {
        return JmhJson.read(new StringReader("[" + String.join(",", entries) + "]"));
    }

    @Test
    void importsGoldenFileWithExactSuiteParamsAndSamples() {
        RunResult r = JmhJson.read(JmhFixtures.resource("sortbench-avgt-us.json"));

        assertEquals("com.example.bench.SortBench", r.suite().name());
        assertTrue(r.suite().description().contains("sortbench-avgt-us.json"), r.suite().description());
        assertEquals(List.of("jdkSort", "parallelSort"), r.suite().benchmarks());
        assertEquals(List.of(new ParamSpec("size", List.of(100, 1000)), new ParamSpec("kind", List.of("random"))),
                r.suite().params());
        assertEquals(RunControls.fixed(5, 6, Duration.ofSeconds(1), Duration.ofMinutes(5), 42L, 0.999),
                r.suite().controls());
        assertEquals(new Environment("17.0.9", "OpenJDK 64-Bit Server VM 17.0.9+9", "", -1, -1, "-Xms1g -Xmx1g"),
                r.environment());
        assertEquals(Instant.EPOCH, r.started());
        assertEquals(Duration.ZERO, r.elapsed());

        // param combinations outermost, as RunResult documents; the file lists benchmarks outermost
        assertEquals(List.of("jdkSort size=100, kind=random", "parallelSort size=100, kind=random",
                "jdkSort size=1000, kind=random", "parallelSort size=1000, kind=random"),
                r.runs().stream().map(run -> run.benchmark() + " " + run.params().key()).toList());
        assertTrue(r.runs().stream().allMatch(run -> run.status() == Status.OK && run.error().isEmpty()));
        assertEquals(Map.of("size", 100, "kind", "random"), r.runs().get(0).params().values());

        BenchmarkRun jdk100 = r.runs().get(0);
        assertEquals(List.of(
                IterationSample.jvm(0, false, 1000, 1_250_000, -1, 416_000, 1, 2, 0),
                IterationSample.jvm(1, false, 1000, 1_262_000, -1, 416_000, 0, 0, 0),
                IterationSample.jvm(2, false, 1000, 1_248_000, -1, 416_001, 1, 1, 0),
                IterationSample.jvm(3, false, 1000, 1_301_000, -1, 416_000, 1, 2, 0),
                IterationSample.jvm(4, false, 1000, 1_295_000, -1, 416_002, 1, 1, 0),
                IterationSample.jvm(5, false, 1000, 1_310_000, -1, 416_000, 0, 0, 0)),
                jdk100.samples().stream().map(s -> without(s, "jmh_gc_alloc_rate")).toList());
        // JMH's other secondaries import as custom metrics, here the file's gc.alloc.rate in MB/sec
        assertArrayEquals(new double[] {317.4, 314.2, 317.9, 304.9, 306.3, 302.8},
                jdk100.samples().stream().mapToDouble(s -> s.values().get("jmh_gc_alloc_rate")).toArray(), 0);
        assertEquals("MB/sec", r.metrics().find("jmh_gc_alloc_rate").orElseThrow().unit());
        assertArrayEquals(new double[] {1250, 1262, 1248, 1301, 1295, 1310}, jdk100.wallNsPerOp(), 1e-9);

        BenchmarkRun par1000 = r.runs().get(3);
        assertEquals("parallelSort", par1000.benchmark());
        assertArrayEquals(new long[] {12_060_000, 11_980_000, 12_110_000, 12_250_000, 12_190_000, 12_300_000},
                par1000.samples().stream().mapToLong(IterationSample::wallNs).toArray());
        assertArrayEquals(new double[] {4536.5, 4530.25, 4541.75, 4528.0, 4533.5, 4539.0},
                par1000.measured().stream().mapToDouble(IterationSample::allocBytesPerOp).toArray(), 1e-9);
        assertTrue(par1000.samples().stream().allMatch(s -> Double.isNaN(s.cpuNsPerOp()) && s.outputHash() == 0));
    }

    @Test
    void convertsThroughputToNanosecondsPerOperationPerThread() {
        RunResult r = readArray(
                entry("b.T.single", "thrpt", 1, "ops/s", "[[2.0E6, 4.0E6], [8.0E6]]", ""),
                entry("b.T.twoThreads", "thrpt", 2, "ops/ms", "[[1000.0]]", ""));
        assertArrayEquals(new double[] {500, 250, 125}, r.runsOf("single").get(0).wallNsPerOp(), 1e-9);
        assertArrayEquals(new long[] {0, 1, 2},
                r.runsOf("single").get(0).samples().stream().mapToLong(IterationSample::index).toArray());
        // 1000 ops/ms over 2 threads: each thread takes 2 µs per operation
        assertArrayEquals(new double[] {2000}, r.runsOf("twoThreads").get(0).wallNsPerOp(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"avgt, ns/op, 2.345, 2.345", "avgt, us/op, 1.5, 1500", "avgt, ms/op, 0.25, 250000",
        "avgt, s/op, 2, 2000000000", "ss, s/op, 0.5, 500000000", "sample, us/op, 3, 3000",
        "thrpt, ops/us, 4, 250", "thrpt, ops/ns, 0.5, 2", "thrpt, ops/min, 60, 1000000000"})
    void convertsEverySupportedUnitToNanosecondsPerOperation(String mode, String unit, double score, double ns) {
        RunResult r = readArray(entry("b.T.m", mode, 1, unit, "[[" + score + "]]", ""));
        assertEquals(ns, r.runs().get(0).wallNsPerOp()[0], ns * 1e-12);
        assertEquals(JmhJson.IMPORTED_BATCH_SIZE, r.runs().get(0).samples().get(0).batchSize());
    }

    @Test
    void keepsSubNanosecondDigitsThroughTheBatchScale() {
        RunResult r = readArray(entry("b.T.m", "avgt", 1, "ns/op", "[[2.345, 0.4]]", ""));
        assertArrayEquals(new long[] {2345, 400},
                r.runs().get(0).samples().stream().mapToLong(IterationSample::wallNs).toArray());
    }

    @Test
    void sampleModeHistogramBecomesTheMeanOfEachIteration() {
        String e = """
                {"benchmark": "b.T.m", "mode": "sample", "threads": 1, "forks": 1,
                 "primaryMetric": {"score": 12.0, "scoreUnit": "ns/op",
                   "rawDataHistogram": [[[[10.0, 3], [20.0, 1]], [[12.0, 5]]], [[[7.0, 2], [9.0, 2]]]]},
                 "secondaryMetrics": {}}
                """;
        assertArrayEquals(new double[] {12.5, 12, 8}, readArray(e).runs().get(0).wallNsPerOp(), 1e-9);
    }

    @Test
    void namesSuiteAfterCommonPackageWhenClassesDiffer() {
        RunResult r = readArray(entry("com.example.a.X.m", "avgt", 1, "ns/op", "[[1]]", ""),
                entry("com.example.b.Y.m", "avgt", 1, "ns/op", "[[2]]", ""));
        assertEquals("com.example", r.suite().name());
        assertEquals(List.of("a.X.m", "b.Y.m"), r.suite().benchmarks());
    }

    @Test
    void usesDefaultSuiteNameWhenClassesShareNoPackage() {
        RunResult r = readArray(entry("org.X.m", "avgt", 1, "ns/op", "[[1]]", ""),
                entry("com.Y.m", "avgt", 1, "ns/op", "[[2]]", ""));
        assertEquals(JmhJson.DEFAULT_SUITE, r.suite().name());
        assertEquals(List.of("org.X.m", "com.Y.m"), r.suite().benchmarks());
    }

    @Test
    void suiteNameArgumentReplacesTheClassName() {
        RunResult r = JmhJson.read(JmhFixtures.resource("sortbench-avgt-us.json"), "sorting");
        assertEquals("sorting", r.suite().name());
        assertEquals(List.of("jdkSort", "parallelSort"), r.suite().benchmarks());
    }

    @Test
    void suiteNameArgumentThatPrefixesEveryBenchmarkKeepsDottedNames() {
        RunResult r = JmhJson.read(new StringReader("[" + entry("sorting.arrays.sort", "avgt", 1, "ns/op", "[[1]]", "")
                + "]"), "sorting");
        assertEquals(List.of("arrays.sort"), r.suite().benchmarks());
    }

    @Test
    void paramsBecomeIntegersOnlyWhenEveryValueIsACanonicalInteger() {
        RunResult r = readArray(
                entry("b.T.m", "avgt", 1, "ns/op", "[[1]]",
                        "\"params\": {\"n\": \"1\", \"mixed\": \"1\", \"padded\": \"007\", \"big\": \"5000000000\"},"),
                entry("b.T.m", "avgt", 1, "ns/op", "[[1]]",
                        "\"params\": {\"n\": \"-2\", \"mixed\": \"x\", \"padded\": \"7\", \"big\": \"1\"},"));
        Map<String, Object> first = r.runs().get(0).params().values();
        Map<String, Object> second = r.runs().get(1).params().values();
        assertEquals(Map.of("n", 1, "mixed", "1", "padded", "007", "big", 5_000_000_000L), first);
        assertEquals(Map.of("n", -2, "mixed", "x", "padded", "7", "big", 1), second);
    }

    @Test
    void oneBenchmarkInSeveralModesImportsSideBySideUnderAModeParam() {
        RunResult r = readArray(entry("a.B.m", "avgt", 1, "us/op", "[[2.0, 4.0]]", ""),
                entry("a.B.m", "thrpt", 1, "ops/ms", "[[500.0, 250.0]]", ""));
        assertEquals(List.of(new ParamSpec("mode", List.of("avgt", "thrpt"))), r.suite().params());
        assertEquals("avgt", r.runs().get(0).params().values().get("mode"));
        assertArrayEquals(new double[] {2000, 4000}, r.runs().get(0).wallNsPerOp(), 1e-9);
        // 500 ops/ms is 2,000 ns/op
        assertArrayEquals(new double[] {2000, 4000}, r.runs().get(1).wallNsPerOp(), 1e-9);
    }
}
