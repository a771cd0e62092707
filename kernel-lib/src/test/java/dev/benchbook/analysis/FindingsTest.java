package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Expect;
import dev.benchbook.FindingsException;
import dev.benchbook.Results;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FindingsTest {

    private static RunResult resultOf(Checks checks, List<IterationSample> samples) {
        SuiteDescriptor suite = new SuiteDescriptor("s", "", List.of(), List.of("b"), RunControls.defaults(), checks);
        BenchmarkRun run = new BenchmarkRun("b", ParamSet.EMPTY, Status.OK, "", samples, StopReason.FIXED);
        return new RunResult(suite, Environment.current(), Instant.EPOCH, Duration.ZERO, List.of(run));
    }

    private static IterationSample sample(int i, long wallNs, long allocBytes, long hash) {
        return IterationSample.jvm(i, false, 100, wallNs, wallNs, allocBytes, 0, 0, hash);
    }

    @Test
    void changedHashIsNonDeterministicOutputWithBothHashesAndIteration() {
        List<IterationSample> s = List.of(sample(0, 1000, 0, 7), sample(1, 1000, 0, 7), sample(2, 1000, 0, 9),
                sample(3, 1000, 0, 9));
        List<Finding> f = Findings.of(resultOf(Checks.defaults(), s));
        assertEquals(1, f.size());
        NonDeterministicOutput nd = (NonDeterministicOutput) f.get(0);
        assertEquals(7, nd.expectedHash());
        assertEquals(9, nd.actualHash());
        assertEquals(2, nd.iteration());
        assertEquals(2, nd.differing());
    }

    @Test
    void timingVarianceComparesCvWithBound() {
        List<IterationSample> s = List.of(sample(0, 1000, 0, 1), sample(1, 1500, 0, 1), sample(2, 1000, 0, 1));
        var checks = new Checks(0.10, 0.05, List.of(), false);
        TimingVariance tv = (TimingVariance) Findings.of(resultOf(checks, s)).get(0);
        assertEquals(0.2474358297, tv.cv(), 1e-9, "sd(10,15,10)/mean = 2.886751/11.666667");
        assertEquals(0.10, tv.maxCv());
        assertTrue(tv.message().startsWith("timing CV 24.7% exceeds maxTimingCv 10.0%"), tv.message());
        assertTrue(Findings.of(resultOf(new Checks(0.30, 0.05, List.of(), false), s)).isEmpty());
    }

    @Test
    void memoryVarianceFlagsSpreadBeyondToleranceWithOneByteFloor() {
        // 100 ops per batch: 1000 and 1300 bytes are 10 and 13 bytes/op.
        List<IterationSample> s = List.of(sample(0, 1000, 1000, 1), sample(1, 1000, 1300, 1), sample(2, 1000, 1000, 1));
        MemoryVariance mv = (MemoryVariance) Findings.of(resultOf(Checks.defaults(), s)).get(0);
        assertEquals(10, mv.minBytesPerOp(), 1e-9);
        assertEquals(13, mv.maxBytesPerOp(), 1e-9);
        assertEquals(1.0, mv.allowedSpread(), 1e-9, "5% of 11 is below the one-byte floor");
        assertEquals(1, mv.iteration());
        List<IterationSample> steady = List.of(sample(0, 1000, 1000, 1), sample(1, 1000, 1050, 1));
        assertTrue(Findings.of(resultOf(Checks.defaults(), steady)).isEmpty(), "0.5 B/op is within the floor");
    }

    @Test
    void violatedExpectationCarriesBoundAndActual() {
        List<IterationSample> s = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            s.add(sample(i, 100_000, 800, 1));
        }
        var checks = new Checks(1, 0.05, List.of(Expect.meanNsAtMost(500), Expect.allocBytesAtMost(4).only("b"),
                Expect.allocBytesAtMost(0).only("other")), false);
        List<Finding> f = Findings.of(resultOf(checks, s));
        assertEquals(2, f.size());
        assertEquals(1000, f.get(0).actual(), 1e-9);
        assertEquals(500, f.get(0).bound(), 1e-9);
        assertEquals(8, f.get(1).actual(), 1e-9);
    }

    @Test
    void realRunFindsNanoTimeNonDeterministicAndStrictModeFails() {
        var suite = Bench.suite("real").benchmark("clock", ctx -> System.nanoTime()).benchmark("fixed", ctx -> 42)
                .warmup(0).iterations(3).iterationTime(Duration.ofMillis(1)).maxTimingCv(Double.POSITIVE_INFINITY);
        Results r = suite.run();
        Table all = r.findings();
        // a 1 ms iteration on a shared machine may also draw a timing finding; the output one is what is tested
        Table t = all.where(all.stringColumn("kind").isEqualTo("NonDeterministicOutput"));
        assertEquals(1, t.rowCount(), all.print());
        assertEquals("clock", t.stringColumn("benchmark").get(0));
        assertEquals(16, t.stringColumn("actual_hash").get(0).length());
        var e = assertThrows(FindingsException.class, () -> suite.strict().run());
        assertTrue(e.getMessage().contains("NonDeterministicOutput clock"), e.getMessage());
        assertEquals(2, e.results().result().runs().size());
    }
}
