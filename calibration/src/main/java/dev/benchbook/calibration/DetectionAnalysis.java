package dev.benchbook.calibration;

import dev.benchbook.calibration.DetectionData.Pool;
import dev.benchbook.calibration.DetectionData.Run;
import dev.benchbook.metric.Metrics;
import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.MetricComparison;
import dev.benchbook.regress.RegressionDetector;
import dev.benchbook.regress.RoundsPlan;
import dev.benchbook.regress.RunNoise;
import dev.benchbook.regress.RunSpread;
import dev.benchbook.regress.Verdict;
import dev.benchbook.result.Environment;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The labeled evaluation's analysis over a pool of interleaved rounds: each mode's verdicts on A vs A'
 * (false positives) and on A vs B1..B10 (detections). Pure: it reads the pool, never measures.
 *
 * <p>How comparisons are formed:
 * <ul>
 *   <li><b>ab, disjoint</b>: the rounds in the order they ran are consumed by successive sequential
 *       comparisons, each taking rounds until the detector stops (looks of {@link RoundsPlan#DEFAULT}), so no
 *       two comparisons share a round. A tail too short for the next look is dropped.</li>
 *   <li><b>ab, reshuffled</b>: the same over {@code passes} random permutations of the rounds; within a pass
 *       comparisons are disjoint, across passes they share rounds, so its counts are not independent.</li>
 *   <li><b>single run a side</b> (history, margin, Welch, Mann-Whitney): for each round j and lag L in
 *       {@code lags}, baseline = A of round j − L, candidate = the variant of round j, history = the A runs of
 *       the {@code historyRuns} rounds ending at the baseline's. Each (baseline, candidate) pair occurs once;
 *       a run takes part in up to {@code lags.length} pairs of one kind.</li>
 * </ul>
 */
final class DetectionAnalysis {
    /** Modes in table order. */
    static final String AB = "ab (rounds, disjoint)";
    static final String AB_RESHUFFLED = "ab (rounds, reshuffled)";
    static final String HISTORY = "history (1 run a side)";
    static final String MARGIN = "margin (1 run a side)";
    static final String WELCH = "welch t, iterations, p<0.05";
    static final String MWU = "mann-whitney u, iterations, p<0.05";
    /** The same modes on the measuring thread's CPU time: descheduling by other processes does not count. */
    static final String AB_CPU = "ab, cpu_ns (reshuffled)";
    static final String HISTORY_CPU = "history, cpu_ns";
    static final String MARGIN_CPU = "margin, cpu_ns";
    static final List<String> MODES = List.of(AB, AB_RESHUFFLED, HISTORY, MARGIN, WELCH, MWU, AB_CPU, HISTORY_CPU,
            MARGIN_CPU);
    /** Rows on cpu_ns: not what the detector compares by default; shown as the proposed evidence. */
    static final List<String> CPU_MODES = List.of(AB_CPU, HISTORY_CPU, MARGIN_CPU);
    /** The modes of our detector, which the targets apply to. */
    static final List<String> OURS = List.of(AB, AB_RESHUFFLED, HISTORY, MARGIN);
    static final double NAIVE_ALPHA = 0.05;

    /** Counts of one mode on one pair kind: hits (false positives on A/A, detections on B), and verdicts. */
    static final class Tally {
        int hits;
        int n;
        final Map<String, Integer> verdicts = new LinkedHashMap<>();
        final List<Integer> roundsUsed = new ArrayList<>();

        void add(boolean hit, String verdict) {
            n++;
            if (hit) {
                hits++;
            }
            verdicts.merge(verdict, 1, Integer::sum);
        }
    }

    /** The result: per mode, per candidate variant (A', B1, ...), its tally. */
    record Outcome(Map<String, Map<String, Tally>> tallies) {
        Tally get(String mode, String variant) {
            return tallies.get(mode).get(variant);
        }
    }

    private final RegressionDetector detector =
            new RegressionDetector(DetectorConfig.DEFAULTS.withMetrics(List.of(Metrics.WALL_NS.id())));
    private final RegressionDetector cpuDetector =
            new RegressionDetector(DetectorConfig.DEFAULTS.withMetrics(List.of(Metrics.CPU_NS.id())));
    private final RoundsPlan plan = RoundsPlan.DEFAULT;
    private final List<Integer> looks = plan.looks();
    private final Environment env = Environment.current();
    private final SuiteDescriptor suite = new SuiteDescriptor("detection", "", List.of(), List.of("w"),
            RunControls.fixed(5, 10, Duration.ofMillis(100), Duration.ofMinutes(1), 1, 0.999));
    private final int historyRuns;
    private final int[] lags;
    private final int passes;
    private final long seed;

    DetectionAnalysis(int historyRuns, int[] lags, int passes, long seed) {
        this.historyRuns = historyRuns;
        this.lags = lags.clone();
        this.passes = passes;
        this.seed = seed;
    }

    int historyRuns() {
        return historyRuns;
    }

    int[] lags() {
        return lags.clone();
    }

    int passes() {
        return passes;
    }

    List<Integer> looks() {
        return looks;
    }

    Outcome analyse(Pool pool) {
        List<String> candidates = DetectionWorkload.variants().subList(1, DetectionWorkload.variants().size());
        Map<String, Map<String, Tally>> t = new LinkedHashMap<>();
        for (String m : MODES) {
            Map<String, Tally> per = new LinkedHashMap<>();
            candidates.forEach(c -> per.put(c, new Tally()));
            t.put(m, per);
        }
        List<Map<String, Run>> rounds = pool.rounds();
        List<Integer> timeOrder = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            timeOrder.add(i);
        }
        boolean cpu = rounds.stream().allMatch(r -> r.values().stream().allMatch(Run::hasCpu));
        for (String c : candidates) {
            consume(rounds, timeOrder, c, t.get(AB).get(c), DetectionData.WALL);
            // The same permutations for both metrics, so their rows differ only by the metric.
            Random rnd = new Random(seed);
            Random rndCpu = new Random(seed);
            for (int p = 0; p < passes; p++) {
                List<Integer> order = new ArrayList<>(timeOrder);
                java.util.Collections.shuffle(order, rnd);
                consume(rounds, order, c, t.get(AB_RESHUFFLED).get(c), DetectionData.WALL);
                if (cpu) {
                    List<Integer> o2 = new ArrayList<>(timeOrder);
                    java.util.Collections.shuffle(o2, rndCpu);
                    consume(rounds, o2, c, t.get(AB_CPU).get(c), DetectionData.CPU);
                }
            }
            singleRuns(rounds, c, t, cpu);
        }
        return new Outcome(t);
    }

    /** Sequential ab comparisons over {@code order}, each taking rounds until the detector stops. */
    private void consume(List<Map<String, Run>> rounds, List<Integer> order, String c, Tally into, String metric) {
        int pos = 0;
        while (pos + looks.get(0) <= order.size()) {
            Decision d = null;
            for (int n : looks) {
                if (pos + n > order.size()) {
                    break;
                }
                double[] a = new double[n];
                double[] b = new double[n];
                for (int i = 0; i < n; i++) {
                    Map<String, Run> r = rounds.get(order.get(pos + i));
                    a[i] = r.get(DetectionWorkload.A).mean(metric);
                    b[i] = r.get(c).mean(metric);
                }
                MetricComparison row = detector.decide(List.of(detector.rounds(c, ParamSet.EMPTY,
                        metric.equals(DetectionData.CPU) ? Metrics.CPU_NS : Metrics.WALL_NS, a, b)), looks.size()).get(0);
                if (row.verdict() != Verdict.INCONCLUSIVE || n == plan.maxRounds()) {
                    d = new Decision(row.verdict(), n);
                    break;
                }
            }
            if (d == null) {
                return;
            }
            into.add(hit(c, d.verdict()), d.verdict().label());
            into.roundsUsed.add(d.rounds());
            pos += d.rounds();
        }
    }

    private record Decision(Verdict verdict, int rounds) {}

    /** A verdict's meaning for candidate {@code c}: on A' any regression or improvement is a false positive. */
    static boolean hit(String c, Verdict v) {
        return c.equals(DetectionWorkload.A_PRIME) ? v == Verdict.REGRESSION || v == Verdict.IMPROVEMENT
                : v == Verdict.REGRESSION;
    }

    /** History, margin and the two naive tests on the same single-run pairs. */
    private void singleRuns(List<Map<String, Run>> rounds, String c, Map<String, Map<String, Tally>> t, boolean cpu) {
        TTest welch = new TTest();
        MannWhitneyUTest mwu = new MannWhitneyUTest();
        boolean aa = c.equals(DetectionWorkload.A_PRIME);
        for (int j = 0; j < rounds.size(); j++) {
            for (int lag : lags) {
                int i = j - lag;
                if (i - historyRuns + 1 < 0) {
                    continue;
                }
                Run base = rounds.get(i).get(DetectionWorkload.A);
                Run cand = rounds.get(j).get(c);
                double[] hist = new double[historyRuns];
                for (int h = 0; h < historyRuns; h++) {
                    hist[h] = rounds.get(i - historyRuns + 1 + h).get(DetectionWorkload.A).mean();
                }
                RunSpread spread = RunSpread.of(hist);
                Verdict vh = verdict(base, cand, (b, p, m) -> spread);
                t.get(HISTORY).get(c).add(hit(c, vh), vh.label());
                Verdict vm = verdict(base, cand, RunNoise.NONE);
                t.get(MARGIN).get(c).add(hit(c, vm), vm.label());
                if (cpu) {
                    double[] histCpu = new double[historyRuns];
                    for (int h = 0; h < historyRuns; h++) {
                        histCpu[h] = rounds.get(i - historyRuns + 1 + h).get(DetectionWorkload.A).mean(DetectionData.CPU);
                    }
                    RunSpread spreadCpu = RunSpread.of(histCpu);
                    Verdict hc = row(cpuDetector, base, cand, (b, p, m) -> spreadCpu, DetectionData.CPU).verdict();
                    t.get(HISTORY_CPU).get(c).add(hit(c, hc), hc.label());
                    Verdict mc = row(cpuDetector, base, cand, RunNoise.NONE, DetectionData.CPU).verdict();
                    t.get(MARGIN_CPU).get(c).add(hit(c, mc), mc.label());
                }

                double[] x = base.nsPerOp();
                double[] y = cand.nsPerOp();
                double pw = welch.tTest(x, y);
                boolean slower = DetectionWorkload.mean(y) > DetectionWorkload.mean(x);
                boolean hw = pw < NAIVE_ALPHA && (aa || slower);
                t.get(WELCH).get(c).add(hw, naiveLabel(pw, slower));
                double pu = mwu.mannWhitneyUTest(x, y);
                boolean slowerMedian = DetectionWorkload.median(y) > DetectionWorkload.median(x);
                boolean hu = pu < NAIVE_ALPHA && (aa || slowerMedian);
                t.get(MWU).get(c).add(hu, naiveLabel(pu, slowerMedian));
            }
        }
    }

    private static String naiveLabel(double p, boolean slower) {
        return p >= NAIVE_ALPHA ? "not_significant" : slower ? "slower" : "faster";
    }

    /** The detector's time verdict on one run a side, as {@code Results.compareTo} reaches it. */
    Verdict verdict(Run base, Run cand, RunNoise noise) {
        return row(detector, base, cand, noise, DetectionData.WALL).verdict();
    }

    private MetricComparison row(RegressionDetector d, Run base, Run cand, RunNoise noise, String metric) {
        RunResult b = result(base);
        RunResult c = result(cand);
        return d.compare(b, "A", c, cand.variant(), noise).rows().stream()
                .filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }

    private RunResult result(Run r) {
        return new RunResult(suite, env, Instant.EPOCH, Duration.ZERO, List.of(r.toBenchmarkRun("w")));
    }
}
