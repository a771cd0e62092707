package dev.benchbook.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.metric.Metrics;
import dev.benchbook.plot.TestRuns;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.RuntimeInfo;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionDetectorTest {
    private final RegressionDetector detector = new RegressionDetector(DetectorConfig.DEFAULTS);

    private static MetricComparison row(RegressionAnalysis a, String bench, String metric) {
        return a.rows().stream().filter(r -> r.benchmark().equals(bench) && r.metric().equals(metric)).findFirst()
                .orElseThrow();
    }

    @Test
    void forksGiveATestedRegressionWithSeverityFromTheEstimate() {
        RunResult base = Runs.result(Map.of(), Runs.run("sort", 1000, 5, 0.01, 0.02, 64, 1));
        RunResult cand = Runs.result(Map.of(), Runs.run("sort", 1200, 5, 0.01, 0.02, 64, 2));
        RegressionAnalysis a = detector.compare(base, "main", cand, "pr", RunNoise.NONE);
        MetricComparison t = row(a, "sort", "wall_ns");
        assertEquals(Evidence.FORKS, t.evidence());
        assertEquals(Verdict.REGRESSION, t.verdict());
        assertEquals(Severity.CRITICAL, t.severity(), "about +20% is at least the 15% critical threshold");
        assertTrue(t.deltaPct() > 15 && t.deltaPct() < 25, "delta " + t.deltaPct());
        assertTrue(t.ciLowPct() > 0 && t.ciHighPct() > t.deltaPct());
        assertTrue(t.pValue() < 1e-4 && t.adjustedP() >= t.pValue());
        assertTrue(t.mdePct() > 0 && t.mdePct() < 10, "mde " + t.mdePct());
        assertEquals(5, t.baselineUnits());
        // The allocation is identical: the deterministic rule says no change.
        MetricComparison alloc = row(a, "sort", "alloc_bytes_per_op");
        assertEquals(Evidence.DETERMINISTIC, alloc.evidence());
        assertEquals(Verdict.NO_CHANGE, alloc.verdict());
        assertTrue(a.failsAt(Severity.MAJOR));
        assertTrue(a.comparable());
    }

    @Test
    void equalForksAreNoChangeByTheEquivalenceTest() {
        RunResult base = Runs.result(Map.of(), Runs.run("sort", 1000, 10, 0.002, 0.01, 64, 3));
        RunResult cand = Runs.result(Map.of(), Runs.run("sort", 1000, 10, 0.002, 0.01, 64, 4));
        MetricComparison t = row(detector.compare(base, "main", cand, "pr", RunNoise.NONE), "sort", "wall_ns");
        assertEquals(Verdict.NO_CHANGE, t.verdict(), t.toString());
        assertNull(t.severity());
    }

    @Test
    void noisyForksWithFewUnitsAreInconclusiveAndSayWhatTheyCouldSee() {
        RunResult base = Runs.result(Map.of(), Runs.run("sort", 1000, 2, 0.10, 0.01, 0, 5));
        RunResult cand = Runs.result(Map.of(), Runs.run("sort", 1030, 2, 0.10, 0.01, 0, 6));
        MetricComparison t = row(detector.compare(base, "main", cand, "pr", RunNoise.NONE), "sort", "wall_ns");
        assertEquals(Verdict.INCONCLUSIVE, t.verdict(), t.toString());
        assertTrue(t.mdePct() > 10, "two noisy forks a side cannot see a few percent: mde " + t.mdePct());
    }

    @Test
    void oneRunASideRestsOnTheMargin() {
        // Iterations 1% apart in noise: a 20% change passes the 3% margin and the assumed 3% run-to-run spread;
        // a 1% change cannot be told from no change with one run a side, whatever the iterations say.
        RunResult base = Runs.result(Map.of(), Runs.run("a", 1000, 0, 0, 0.01, 0, 7), Runs.run("b", 1000, 0, 0, 0.01,
                0, 8));
        RunResult cand = Runs.result(Map.of(), Runs.run("a", 1200, 0, 0, 0.01, 0, 9), Runs.run("b", 1010, 0, 0, 0.01,
                0, 10));
        RegressionAnalysis an = detector.compare(base, "main", cand, "pr", RunNoise.NONE);
        MetricComparison a = row(an, "a", "wall_ns");
        assertEquals(Evidence.MARGIN, a.evidence());
        assertEquals(Verdict.REGRESSION, a.verdict());
        assertEquals(Severity.CRITICAL, a.severity());
        assertTrue(a.reason().contains("rests on the 3.0% margin"), a.reason());
        assertTrue(Double.isNaN(a.pValue()));
        assertTrue(a.mdePct() >= 3, "mde at least the margin: " + a.mdePct());
        MetricComparison b = row(an, "b", "wall_ns");
        assertEquals(Verdict.INCONCLUSIVE, b.verdict(), b.toString());
        // the interval holds the two runs' assumed spread: z(0.995) · 3% · √2 ≈ 10.9% wide on each side at least
        assertTrue(b.ciHighPct() - b.deltaPct() > 9, b.toString());
        assertTrue(b.mdePct() > 12, "one run a side cannot see a few percent: mde " + b.mdePct());
    }

    @Test
    void historySpreadTurnsOneRunASideIntoATest() {
        RunResult base = Runs.result(Map.of(), Runs.run("a", 1000, 0, 0, 0.01, 0, 11));
        RunResult cand = Runs.result(Map.of(), Runs.run("a", 1200, 0, 0, 0.01, 0, 12));
        RunNoise noise = (b, p, m) -> RunSpread.of(new double[] {1000, 1010, 995, 1005, 990, 1002, 998, 1007, 1003, 996});
        MetricComparison a = row(detector.compare(base, "main", cand, "pr", noise), "a", "wall_ns");
        assertEquals(Evidence.HISTORY, a.evidence());
        assertEquals(Verdict.REGRESSION, a.verdict(), a.toString());
        assertFalse(Double.isNaN(a.pValue()));
        // a very quiet history (0.1% apart) is floored at 1%: then a 5% change is not enough with 10 runs
        RunNoise quiet = (b, p, m) -> RunSpread.of(new double[] {1000, 1001, 999, 1000, 1001, 1000, 999, 1000, 1001,
                1000});
        noise = quiet;
        RunResult eight = Runs.result(Map.of(), Runs.run("a", 1050, 0, 0, 0.01, 0, 12));
        MetricComparison e = row(detector.compare(base, "main", eight, "pr", noise), "a", "wall_ns");
        assertEquals(Verdict.INCONCLUSIVE, e.verdict(), e.toString());
        MetricComparison unfloored = row(new RegressionDetector(DetectorConfig.DEFAULTS.withRunSpreadFloorPct(0))
                .compare(base, "main", eight, "pr", noise), "a", "wall_ns");
        assertTrue(unfloored.pValue() < e.pValue(), unfloored + " vs " + e);
    }

    @Test
    void allocationGrowthIsCaughtByTheTightTolerance() {
        RunResult base = Runs.result(Map.of(), Runs.run("a", 1000, 0, 0, 0.02, 0, 13));
        RunResult cand = Runs.result(Map.of(), Runs.run("a", 1000, 0, 0, 0.02, 16, 14));
        MetricComparison alloc = row(detector.compare(base, "main", cand, "pr", RunNoise.NONE), "a",
                "alloc_bytes_per_op");
        assertEquals(Verdict.REGRESSION, alloc.verdict());
        assertEquals(Severity.CRITICAL, alloc.severity(), "from 0 B/op any allocation is critical");
        assertTrue(alloc.reason().contains("0 → 16 B/op"), alloc.reason());
        RunResult small = Runs.result(Map.of(), Runs.run("a", 1000, 0, 0, 0.02, 1000.5, 15));
        RunResult base2 = Runs.result(Map.of(), Runs.run("a", 1000, 0, 0, 0.02, 1000, 16));
        assertEquals(Verdict.NO_CHANGE, row(detector.compare(base2, "m", small, "c", RunNoise.NONE), "a",
                "alloc_bytes_per_op").verdict(), "half a byte in a thousand is within tolerance");
    }

    @Test
    void changedCodeIsReportedNotCompared() {
        RunResult base = Runs.result(Map.of("a", "1111"), Runs.run("a", 1000, 3, 0.01, 0.01, 0, 17));
        RunResult cand = Runs.result(Map.of("a", "2222"), Runs.run("a", 2000, 3, 0.01, 0.01, 0, 18));
        RegressionAnalysis an = detector.compare(base, "main", cand, "pr", RunNoise.NONE);
        MetricComparison a = row(an, "a", "wall_ns");
        assertEquals(MetricComparison.CHANGED, a.status());
        assertEquals(Verdict.INCONCLUSIVE, a.verdict());
        assertTrue(a.reason().contains("1111 → 2222"), a.reason());
        assertFalse(an.failsAt(Severity.MINOR));
        RegressionAnalysis forced = new RegressionDetector(DetectorConfig.DEFAULTS.allowingChangedCode(true))
                .compare(base, "main", cand, "pr", RunNoise.NONE);
        assertEquals(Verdict.REGRESSION, row(forced, "a", "wall_ns").verdict());
        assertTrue(row(forced, "a", "wall_ns").reason().contains("although the code changed"));
    }

    @Test
    void hardKeyDifferencesRefuseUnlessAllowed() {
        Environment jdk21 = new Environment(TestRuns.ENVIRONMENT.host(), new RuntimeInfo("java", "Example Vendor",
                "21.0.2", "OpenJDK 64-Bit Server VM", "G1", 4L << 30, List.of("-Xmx4g"), "0.1.0-SNAPSHOT"));
        RunResult base = Runs.result(Map.of(), Runs.run("a", 1000, 3, 0.01, 0.01, 0, 19));
        RunResult cand = Runs.result(jdk21, Map.of(), Runs.run("a", 1000, 3, 0.01, 0.01, 0, 20));
        RegressionAnalysis an = detector.compare(base, "main", cand, "pr", RunNoise.NONE);
        assertFalse(an.comparable());
        assertTrue(an.differences().stream().anyMatch(d -> d.key().equals("jdk_version")
                && d.baseline().equals("17.0.15") && d.candidate().equals("21.0.2")), an.differences().toString());
        assertTrue(an.rows().stream().allMatch(r -> r.status().equals(MetricComparison.NOT_COMPARABLE)));
        RegressionAnalysis forced = new RegressionDetector(DetectorConfig.DEFAULTS.allowingIncomparable(true))
                .compare(base, "main", cand, "pr", RunNoise.NONE);
        assertTrue(forced.forced());
        assertEquals(MetricComparison.COMPARED, row(forced, "a", "wall_ns").status());
        assertTrue(row(forced, "a", "wall_ns").reason().contains("compared across differing environments"));
    }

    @Test
    void missingAndFailedBenchmarksAreListedWithReasons() {
        RunResult base = Runs.result(Map.of(), Runs.run("kept", 1000, 0, 0, 0.01, 0, 21),
                Runs.run("dropped", 1000, 0, 0, 0.01, 0, 22), Runs.run("broken", 1000, 0, 0, 0.01, 0, 23));
        BenchmarkRun broken = new BenchmarkRun("broken", ParamSet.EMPTY, Status.FAILED, "boom", List.of());
        RunResult cand = Runs.result(Map.of(), Runs.run("kept", 1000, 0, 0, 0.01, 0, 24),
                Runs.run("new", 1000, 0, 0, 0.01, 0, 25), broken);
        RegressionAnalysis an = detector.compare(base, "baseline 'main'", cand, "pr", RunNoise.NONE);
        assertEquals(MetricComparison.MISSING_IN_BASELINE, row(an, "new", "wall_ns").status());
        assertEquals(MetricComparison.MISSING_IN_CANDIDATE, row(an, "dropped", "wall_ns").status());
        MetricComparison b = row(an, "broken", "wall_ns");
        assertEquals(MetricComparison.FAILED, b.status());
        assertTrue(b.reason().contains("candidate failed: boom"), b.reason());
        assertTrue(an.anyFailed());
    }

    @Test
    void holmKeepsASuiteOfSmallNoisesQuiet() {
        // 40 benchmarks, all unchanged, forks with real spread: nominal tests would flag about 2 at 0.05.
        BenchmarkRun[] b = new BenchmarkRun[40];
        BenchmarkRun[] c = new BenchmarkRun[40];
        for (int i = 0; i < 40; i++) {
            b[i] = Runs.run("b" + i, 1000, 3, 0.02, 0.01, 0, 100 + i);
            c[i] = Runs.run("b" + i, 1000, 3, 0.02, 0.01, 0, 200 + i);
        }
        RegressionAnalysis an = detector.compare(Runs.result(Map.of(), b), "main", Runs.result(Map.of(), c), "pr",
                RunNoise.NONE);
        assertEquals(0, an.regressions().size(), an.regressions().toString());
        long raw = an.rows().stream().filter(r -> r.metric().equals("wall_ns") && r.pValue() < 0.05).count();
        assertTrue(an.rows().stream().filter(r -> r.metric().equals("wall_ns"))
                .allMatch(r -> Double.isNaN(r.adjustedP()) || r.adjustedP() >= r.pValue()), "raw significant: " + raw);
    }

    @Test
    void pairedRoundsCancelAMachineDriftThatUnpairedTestsSeeAsNoise() {
        // The machine slows down by up to 30% over the rounds; B is 4% slower than A in every round.
        int n = 12;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double drift = 1 + 0.3 * i / n;
            a[i] = 1000 * drift * (1 + 0.003 * Math.sin(i));
            b[i] = 1040 * drift * (1 + 0.003 * Math.cos(i));
        }
        MetricComparison r = detector.decide(List.of(detector.rounds("x", ParamSet.EMPTY, Metrics.WALL_NS, a, b)),
                RoundsPlan.DEFAULT.looks().size()).get(0);
        assertEquals(Verdict.REGRESSION, r.verdict(), r.toString());
        assertEquals(Evidence.ROUNDS, r.evidence());
        assertTrue(Math.abs(r.deltaPct() - 4) < 0.5, "delta " + r.deltaPct());
        assertEquals(Severity.MINOR, r.severity());
    }

    @Test
    void roundsPlanLooksGrowGeometricallyToTheBudget() {
        assertEquals(List.of(6, 9, 14, 21, 30), RoundsPlan.DEFAULT.looks());
        assertEquals(List.of(3, 5), new RoundsPlan(3, 5).looks());
        assertEquals(List.of(4, 6, 9, 10), new RoundsPlan(4, 10).looks());
        assertEquals(List.of(8), new RoundsPlan(8, 8).looks());
    }

    @Test
    void badSettingsAreReportedTogether() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DetectorConfig.DEFAULTS.withAlpha(0.7).withSeverity(20, 10));
        assertTrue(e.getMessage().contains("alpha = 0.7"), e.getMessage());
        IllegalArgumentException s = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DetectorConfig.DEFAULTS.withSeverity(20, 10));
        assertTrue(s.getMessage().contains("need 0 < major < critical"), s.getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RoundsPlan(2, 10)).getMessage().contains("minRounds = 2"));
    }
}
