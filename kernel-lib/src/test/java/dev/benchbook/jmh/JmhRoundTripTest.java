package dev.benchbook.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhRoundTripTest {

    @Test
    void exportThenImportKeepsBenchmarksParamsSamplesAndEnvironment(@TempDir Path dir) {
        RunResult original = JmhFixtures.sortingResult();
        RunResult back = JmhJson.read(JmhJson.write(original, dir.resolve("sorting.json")), "sorting");

        List<BenchmarkRun> ok = original.runs().stream().filter(r -> r.status() == Status.OK).toList();
        assertEquals("sorting", back.suite().name());
        assertEquals(List.of("arrays.sort"), back.suite().benchmarks());
        assertEquals(original.suite().params(), back.suite().params());
        assertEquals(ok.size(), back.runs().size());
        for (int i = 0; i < ok.size(); i++) {
            BenchmarkRun a = ok.get(i);
            BenchmarkRun b = back.runs().get(i);
            assertEquals(a.benchmark(), b.benchmark());
            assertEquals(a.params(), b.params());
            assertArrayEquals(a.wallNsPerOp(), b.wallNsPerOp(), 1e-9);
            assertArrayEquals(allocPerOp(a), allocPerOp(b), 1e-9);
            // JMH JSON has no warmup samples, CPU time or output hash; GC counts are not exported
            assertEquals(a.measured().size(), b.samples().size());
        }
        assertEquals(original.environment().javaVersion(), back.environment().javaVersion());
        assertEquals(original.environment().vm(), back.environment().vm());
        assertEquals(original.environment().jvmArgs(), back.environment().jvmArgs());
        assertEquals(original.suite().controls().warmupIterations(), back.suite().controls().warmupIterations());
        assertEquals(original.suite().controls().iterationTime(), back.suite().controls().iterationTime());
    }

    @Test
    void importExportImportGivesIdenticalSamplesApartFromGc() {
        RunResult first = JmhJson.read(JmhFixtures.resource("sortbench-avgt-us.json"));
        RunResult second = JmhJson.read(new java.io.StringReader(JmhJson.toJson(first)));
        assertEquals(first.suite().name(), second.suite().name());
        assertEquals(first.suite().params(), second.suite().params());
        assertEquals(first.suite().benchmarks(), second.suite().benchmarks());
        assertEquals(first.environment(), second.environment());
        assertEquals(withoutGc(first), withoutGc(second));
    }

    private static double[] allocPerOp(BenchmarkRun r) {
        return r.measured().stream().mapToDouble(IterationSample::allocBytesPerOp).toArray();
    }

    private static List<BenchmarkRun> withoutGc(RunResult r) {
        return r.runs().stream().map(run -> new BenchmarkRun(run.benchmark(), run.params(), run.status(), run.error(),
                run.samples().stream().map(s -> {
                    java.util.Map<String, Double> v = new java.util.LinkedHashMap<>(s.values());
                    v.remove("gc_count");
                    v.remove("gc_time_ms");
                    return new IterationSample(s.index(), s.warmup(), s.fork(), s.batchSize(), s.wallNs(),
                            s.outputHash(), v);
                }).toList())).toList();
    }
}
