package dev.benchbook.regress;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metric.Direction;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.stats.Holm;
import dev.benchbook.stats.LogDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares a candidate run with a baseline, built for noisy shared machines: the unit of evidence is a run
 * or a fork, never an iteration.
 *
 * <ul>
 *   <li><b>Forks</b> (at least 2 a side): Welch's t on the per-fork log means; the history's run-to-run
 *       spread, when known, is a floor under the standard error.</li>
 *   <li><b>History</b> (one run a side): the difference of the two runs' log means against the spread of
 *       the benchmark's past runs ({@link RunSpread}).</li>
 *   <li><b>Margin</b> (one run a side, no history): the ratio of the medians must pass the minimum effect
 *       margin ({@link DetectorConfig#marginPct()}) and its interval, the within-run one widened by an assumed
 *       run-to-run spread ({@link DetectorConfig#assumedRunSpreadPct()}), must exclude 0; the reason says the
 *       verdict rests on the margin.</li>
 *   <li><b>Deterministic</b> metrics (allocation per op, instructions): medians compared against a tight
 *       tolerance.</li>
 *   <li><b>Rounds</b> ({@link #rounds}): paired per-round log-ratios of interleaved A and B runs.</li>
 * </ul>
 *
 * <p>Tested rows get a p-value; Holm's adjustment across the report's rows keeps the chance of any false
 * alarm at {@link DetectorConfig#alpha()}. A regression needs an adjusted p below alpha and an estimated
 * change beyond the noise floor; "no change" needs the 1 − 2α interval inside the equivalence band (two
 * one-sided tests); everything else is inconclusive, with {@code mde_pct} saying what could have been seen.
 */
public final class RegressionDetector {
    /** Power at which {@code mde_pct} is stated. */
    public static final double POWER = 0.8;

    private final DetectorConfig config;

    public RegressionDetector(DetectorConfig config) {
        this.config = config;
    }

    public DetectorConfig config() {
        return config;
    }

    /** Compares {@code candidate} with {@code baseline}, with {@code noise} as the run-to-run spread. */
    public RegressionAnalysis compare(RunResult baseline, String baselineLabel, RunResult candidate,
            String candidateLabel, RunNoise noise) {
        return compare(baseline, baselineLabel, candidate, candidateLabel, noise, Map.of(), 1);
    }

    /**
     * The same, with some rows given: {@code given} maps {@link #key} of a benchmark, params and metric to its
     * row (the paired rows of interleaved rounds, from {@link #rounds}), which replaces the row computed from
     * the two runs; {@code looks} as in {@link #decide}.
     */
    public RegressionAnalysis compare(RunResult baseline, String baselineLabel, RunResult candidate,
            String candidateLabel, RunNoise noise, Map<String, MetricComparison> given, int looks) {
        Fingerprint fb = Fingerprint.of(baseline);
        Fingerprint fc = Fingerprint.of(candidate);
        List<Fingerprint.Difference> diffs = fb.differences(fc);
        boolean refuse = !diffs.isEmpty() && !config.allowIncomparable();
        String envReason = diffs.isEmpty() ? "" : "environments differ: " + diffs.stream()
                .map(Fingerprint.Difference::toString).reduce((a, b) -> a + ", " + b).orElse("");
        Map<String, BenchmarkRun> base = index(baseline);
        Map<String, BenchmarkRun> cand = index(candidate);
        List<MetricComparison> rows = new ArrayList<>();
        for (Map.Entry<String, BenchmarkRun> e : cand.entrySet()) {
            BenchmarkRun c = e.getValue();
            BenchmarkRun b = base.get(e.getKey());
            List<String> metrics = metricsOf(candidate, b == null ? c : b, c);
            if (b == null) {
                for (String m : metrics) {
                    rows.add(skipped(c, m, candidate, MetricComparison.MISSING_IN_BASELINE, Double.NaN, mean(c, m),
                            "not in " + baselineLabel + "; save a new baseline to start comparing it"));
                }
                continue;
            }
            if (c.status() != Status.OK || b.status() != Status.OK) {
                String why = c.status() != Status.OK
                        ? "candidate " + c.status().label() + (c.error().isEmpty() ? "" : ": " + c.error())
                        : "baseline " + b.status().label() + (b.error().isEmpty() ? "" : ": " + b.error());
                for (String m : metrics) {
                    rows.add(skipped(c, m, candidate, MetricComparison.FAILED, mean(b, m), mean(c, m), why));
                }
                continue;
            }
            String hb = baseline.suite().sourceHash(c.benchmark());
            String hc = candidate.suite().sourceHash(c.benchmark());
            boolean changed = !hb.isEmpty() && !hc.isEmpty() && !hb.equals(hc);
            for (String m : metrics) {
                if (refuse) {
                    rows.add(skipped(c, m, candidate, MetricComparison.NOT_COMPARABLE, mean(b, m), mean(c, m),
                            envReason + "; compare anyway with --allow-incomparable (the result is marked)"));
                } else if (changed && !config.allowChangedCode()) {
                    rows.add(skipped(c, m, candidate, MetricComparison.CHANGED, mean(b, m), mean(c, m),
                            "the benchmark's code changed (source hash " + hb + " → " + hc + "); save a new "
                                    + "baseline, or compare anyway with --allow-changed-code"));
                } else {
                    MetricComparison row = given.containsKey(key(c.benchmark(), c.params(), m))
                            ? given.get(key(c.benchmark(), c.params(), m))
                            : measure(b, c, m, metric(candidate, baseline, m), noise);
                    if (!diffs.isEmpty()) {
                        row = row.because("compared across differing environments (" + envReason + ")");
                    }
                    if (changed) {
                        row = row.because("compared although the code changed");
                    }
                    rows.add(row);
                }
            }
        }
        for (Map.Entry<String, BenchmarkRun> e : base.entrySet()) {
            if (!cand.containsKey(e.getKey())) {
                BenchmarkRun b = e.getValue();
                for (String m : metricsOf(baseline, b, b)) {
                    rows.add(skipped(b, m, baseline, MetricComparison.MISSING_IN_CANDIDATE, mean(b, m), Double.NaN,
                            "in " + baselineLabel + " but not in this run"));
                }
            }
        }
        return new RegressionAnalysis(baselineLabel, candidateLabel, decide(rows, looks), fb, fc, diffs,
                fb.unchecked(fc), !diffs.isEmpty() && config.allowIncomparable(), config);
    }

    /** The key of a benchmark × params × metric in {@link #compare}'s {@code given} rows. */
    public static String key(String benchmark, ParamSet params, String metric) {
        return benchmark + "\u0000" + params.key() + "\u0000" + metric;
    }

    /**
     * The row of an A/B comparison in interleaved rounds: {@code a[i]} and {@code b[i]} are round i's unit
     * values (each the mean of one run or fork). Not yet decided: pass rows through {@link #decide}.
     */
    public MetricComparison rounds(String benchmark, ParamSet params, Metric metric, double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("rounds: " + a.length + " A values but " + b.length + " B values");
        }
        boolean positive = Arrays.stream(a).allMatch(v -> v > 0) && Arrays.stream(b).allMatch(v -> v > 0);
        if (a.length < 2 || !positive) {
            return new MetricComparison(benchmark, params, metric.id(), metric.unit(), metric.direction(),
                    mean(a), mean(b), pct(mean(a), mean(b)), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Verdict.INCONCLUSIVE, null, Evidence.ROUNDS, a.length, b.length,
                    MetricComparison.COMPARED, a.length < 2 ? "fewer than 2 rounds" : "a value <= 0 has no log");
        }
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Math.log(b[i] / a[i]);
        }
        return tested(benchmark, params, metric, mean(a), mean(b), LogDelta.paired(r), Evidence.ROUNDS, a.length,
                b.length, a.length + " interleaved rounds, paired");
    }

    /**
     * Holm's adjustment across the tested rows, then each row's verdict. {@code looks} is how many times
     * the evidence was looked at to decide whether to stop (interleaved rounds add rounds while
     * inconclusive); the p-values are multiplied by it first (Bonferroni over the looks), 1 otherwise.
     */
    public List<MetricComparison> decide(List<MetricComparison> rows, int looks) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
            MetricComparison r = rows.get(i);
            p[i] = r.status().equals(MetricComparison.COMPARED) && !Double.isNaN(r.pValue())
                    ? Math.min(1, r.pValue() * looks) : Double.NaN;
        }
        double[] adj = Holm.adjust(p);
        List<MetricComparison> out = new ArrayList<>(rows.size());
        for (int i = 0; i < p.length; i++) {
            MetricComparison r = rows.get(i);
            out.add(Double.isNaN(adj[i]) ? r : verdict(r, adj[i], looks));
        }
        return out;
    }

    private MetricComparison verdict(MetricComparison r, double adjusted, int looks) {
        double d = Math.log1p(r.deltaPct() / 100);
        double bad = r.direction() == Direction.HIGHER_IS_BETTER ? -d : d;
        double floor = Math.log1p(config.noiseFloorPct() / 100);
        if (adjusted < config.alpha() && bad > floor) {
            return r.decided(Verdict.REGRESSION, config.severityOf(LogDelta.percent(bad)), adjusted);
        }
        if (adjusted < config.alpha() && -bad > floor) {
            return r.decided(Verdict.IMPROVEMENT, null, adjusted);
        }
        // Two one-sided tests at alpha (per look): the 1 − 2α interval inside ±equivalence.
        double eq = Math.log1p(config.equivalencePct() / 100);
        double[] tost = tostInterval(r, looks);
        if (tost != null && tost[0] > -eq && tost[1] < eq) {
            return r.decided(Verdict.NO_CHANGE, null, adjusted);
        }
        return r.decided(Verdict.INCONCLUSIVE, null, adjusted);
    }

    /** The interval at 1 − 2α/looks around the row's log delta, rebuilt from its stored delta and interval. */
    private double[] tostInterval(MetricComparison r, int looks) {
        double d = Math.log1p(r.deltaPct() / 100);
        double lo = Math.log1p(r.ciLowPct() / 100);
        double hi = Math.log1p(r.ciHighPct() / 100);
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return null;
        }
        // Stored interval is at 1 − α (two-sided); the TOST interval is at 1 − 2α/looks, so it scales by the ratio of
        // normal-approximation quantiles, exact enough here: the verdict only needs it inside the band.
        double zStored = z(1 - config.alpha() / 2);
        double zTost = z(1 - config.alpha() / looks);
        double scale = zTost / zStored;
        return new double[] {d - (d - lo) * scale, d + (hi - d) * scale};
    }

    private static double z(double p) {
        return LogDelta.normalQuantile(p);
    }

    /** The comparison of one metric of one benchmark × params, before Holm. */
    MetricComparison measure(BenchmarkRun b, BenchmarkRun c, String id, Metric metric, RunNoise noise) {
        double[] ib = b.values(id);
        double[] ic = c.values(id);
        if (ib.length == 0 && !Double.isNaN(b.runValue(id))) {
            ib = new double[] {b.runValue(id)};
        }
        if (ic.length == 0 && !Double.isNaN(c.runValue(id))) {
            ic = new double[] {c.runValue(id)};
        }
        boolean positive = Arrays.stream(ib).allMatch(v -> v > 0) && Arrays.stream(ic).allMatch(v -> v > 0);
        if (config.deterministicMetrics().contains(id) || !positive) {
            return deterministic(c, metric, ib, ic);
        }
        double[] ub = units(b, id);
        double[] uc = units(c, id);
        double mb = mean(ub);
        double mc = mean(uc);
        RunSpread spread = floored(noise == null ? null : noise.spread(c.benchmark(), c.params(), id));
        double d = Math.log(mc / mb);
        if (ub.length >= 2 && uc.length >= 2) {
            LogDelta w = LogDelta.welch(log(ub), log(uc));
            String why = ub.length + " and " + uc.length + " forks";
            if (spread != null) {
                double se = spread.logSigma() * Math.sqrt(1.0 / ub.length + 1.0 / uc.length);
                if (se > w.standardError()) {
                    w = new LogDelta(w.estimate(), se, Math.min(w.degreesOfFreedom(), spread.degreesOfFreedom()));
                    why += ", with the history's run-to-run spread as the floor of its error (" + spread.runs()
                            + " runs)";
                }
            }
            return tested(c.benchmark(), c.params(), metric, mb, mc, w, Evidence.FORKS, ub.length, uc.length, why);
        }
        if (spread != null) {
            // one run a side: medians, as the history's spread is of per-run medians (a few slow iterations
            // move a run's mean a long way, its median hardly)
            double medB = median(ib);
            double medC = median(ic);
            double se = spread.logSigma() * Math.sqrt(1.0 / ub.length + 1.0 / uc.length);
            return tested(c.benchmark(), c.params(), metric, medB, medC, new LogDelta(Math.log(medC / medB), se,
                    spread.degreesOfFreedom()), Evidence.HISTORY, ub.length, uc.length, "run-to-run spread of "
                    + spread.runs() + " past runs (medians)");
        }
        return margin(c, metric, ib, ic, ub.length, uc.length);
    }

    private MetricComparison tested(String benchmark, ParamSet params, Metric metric, double mb, double mc,
            LogDelta delta, Evidence evidence, int nb, int nc, String why) {
        double[] ci = delta.interval(1 - config.alpha());
        double mde = LogDelta.percent(delta.minimumDetectable(config.alpha(), POWER));
        return new MetricComparison(benchmark, params, metric.id(), metric.unit(), metric.direction(), mb, mc,
                LogDelta.percent(delta.estimate()), LogDelta.percent(ci[0]), LogDelta.percent(ci[1]),
                delta.pValue(), Double.NaN, mde, Verdict.INCONCLUSIVE, null, evidence, nb, nc,
                MetricComparison.COMPARED, why);
    }

    /** A history's spread, never below {@link DetectorConfig#runSpreadFloorPct()}. */
    private RunSpread floored(RunSpread spread) {
        double floor = Math.log1p(config.runSpreadFloorPct() / 100);
        return spread == null || spread.logSigma() >= floor ? spread : new RunSpread(floor, spread.runs());
    }

    /**
     * One run a side, no history: the ratio of medians must pass the margin, and its interval must exclude 0.
     * The interval joins the within-run one (iterations share the run's moment, so it is far too narrow alone)
     * with the run-to-run spread assumed for the machine ({@link DetectorConfig#assumedRunSpreadPct()}) for
     * each of the two runs.
     */
    private MetricComparison margin(BenchmarkRun c, Metric metric, double[] ib, double[] ic, int nb, int nc) {
        double mb = median(ib);
        double mc = median(ic);
        double d = Math.log(mc / mb);
        double m = Math.log1p(config.marginPct() / 100);
        double half;
        if (ib.length >= 2 && ic.length >= 2) {
            double within = LogDelta.welch(log(ib), log(ic)).halfWidth(1 - config.alpha());
            double between = LogDelta.normalQuantile(1 - config.alpha() / 2)
                    * Math.log1p(config.assumedRunSpreadPct() / 100) * Math.sqrt(2);
            half = Math.hypot(within, between);
        } else {
            half = Double.POSITIVE_INFINITY;
        }
        double bad = metric.direction() == Direction.HIGHER_IS_BETTER ? -d : d;
        Verdict v;
        Severity s = null;
        if (bad > m && bad - half > 0) {
            v = Verdict.REGRESSION;
            s = config.severityOf(LogDelta.percent(bad));
        } else if (-bad > m && -bad - half > 0) {
            v = Verdict.IMPROVEMENT;
        } else if (Math.abs(d) + half < m) {
            v = Verdict.NO_CHANGE;
        } else {
            v = Verdict.INCONCLUSIVE;
        }
        String why = String.format(java.util.Locale.ROOT, "one run a side and no history: the verdict rests on the "
                + "%.1f%% margin and an assumed %.1f%% run-to-run spread (ratio of medians; iterations within a run "
                + "are not independent); Bench.ab, forks or a history give real evidence", config.marginPct(),
                config.assumedRunSpreadPct());
        return new MetricComparison(c.benchmark(), c.params(), metric.id(), metric.unit(), metric.direction(), mb, mc,
                LogDelta.percent(d), LogDelta.percent(d - half), LogDelta.percent(d + half), Double.NaN, Double.NaN,
                config.marginPct() + (Double.isFinite(half) ? LogDelta.percent(half) : Double.NaN), v, s,
                Evidence.MARGIN, nb, nc, MetricComparison.COMPARED, why);
    }

    /** Nearly deterministic metrics: medians against max(relative, absolute) tolerance. */
    private MetricComparison deterministic(BenchmarkRun c, Metric metric, double[] ib, double[] ic) {
        double mb = median(ib);
        double mc = median(ic);
        double tol = Math.max(config.deterministicPct() / 100 * Math.abs(mb), config.deterministicAbs());
        double diff = mc - mb;
        double bad = metric.direction() == Direction.HIGHER_IS_BETTER ? -diff : diff;
        Verdict v = bad > tol ? Verdict.REGRESSION : -bad > tol ? Verdict.IMPROVEMENT : Verdict.NO_CHANGE;
        double pct = pct(mb, mc);
        Severity s = v != Verdict.REGRESSION ? null
                : mb == 0 ? Severity.CRITICAL : config.severityOf(Math.abs(pct));
        double lo = pct(mb, min(ic) - max(ib) + mb);
        double hi = pct(mb, max(ic) - min(ib) + mb);
        String why = String.format(java.util.Locale.ROOT, "nearly deterministic: median %s → %s %s, tolerance %s",
                num(mb), num(mc), metric.unit(), num(tol));
        return new MetricComparison(c.benchmark(), c.params(), metric.id(), metric.unit(), metric.direction(), mb, mc,
                pct, lo, hi, Double.NaN, Double.NaN, mb == 0 ? Double.NaN : tol / Math.abs(mb) * 100, v, s,
                Evidence.DETERMINISTIC, ib.length, ic.length, MetricComparison.COMPARED, why);
    }

    private MetricComparison skipped(BenchmarkRun run, String id, RunResult from, String status, double mb, double mc,
            String reason) {
        Metric m = from.metrics().find(id).orElse(Metrics.builtIn(id).orElse(Metric.custom(id)));
        return new MetricComparison(run.benchmark(), run.params(), id, m.unit(), m.direction(), mb, mc, pct(mb, mc),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.INCONCLUSIVE, null, Evidence.NONE,
                0, 0, status, reason);
    }

    /** The metrics compared for this pair: the configured ones both sides have, then directed custom ones. */
    private List<String> metricsOf(RunResult candidate, BenchmarkRun b, BenchmarkRun c) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : config.metrics()) {
            if (has(b, id) && has(c, id)) {
                ids.add(id);
            }
        }
        for (Metric m : candidate.metrics().metrics()) {
            if (Metrics.builtIn(m.id()).isEmpty() && m.direction() != Direction.NEUTRAL && has(b, m.id())
                    && has(c, m.id())) {
                ids.add(m.id());
            }
        }
        if (ids.isEmpty()) {
            ids.add(Metrics.WALL_NS.id());
        }
        return new ArrayList<>(ids);
    }

    private static boolean has(BenchmarkRun r, String id) {
        return r.values(id).length > 0 || !Double.isNaN(r.runValue(id));
    }

    private static Metric metric(RunResult candidate, RunResult baseline, String id) {
        return candidate.metrics().find(id).or(() -> baseline.metrics().find(id)).or(() -> Metrics.builtIn(id))
                .orElse(Metric.custom(id));
    }

    /** Per fork, the mean of the measured iteration values; a run-level value is one unit. */
    static double[] units(BenchmarkRun run, String id) {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (IterationSample s : run.measured()) {
            double v = s.value(id);
            if (!Double.isNaN(v)) {
                double[] acc = sums.computeIfAbsent(s.fork(), k -> new double[2]);
                acc[0] += v;
                acc[1]++;
            }
        }
        if (sums.isEmpty()) {
            double v = run.runValue(id);
            return Double.isNaN(v) ? new double[0] : new double[] {v};
        }
        return sums.values().stream().mapToDouble(a -> a[0] / a[1]).toArray();
    }

    private static Map<String, BenchmarkRun> index(RunResult r) {
        Map<String, BenchmarkRun> out = new LinkedHashMap<>();
        for (BenchmarkRun run : r.runs()) {
            out.putIfAbsent(run.benchmark() + "\u0000" + run.params().key(), run);
        }
        return out;
    }

    private static double mean(BenchmarkRun r, String id) {
        return mean(units(r, id));
    }

    static double mean(double[] xs) {
        return xs.length == 0 ? Double.NaN : Arrays.stream(xs).sum() / xs.length;
    }

    static double median(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(Double.NaN);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(Double.NaN);
    }

    private static double[] log(double[] xs) {
        return Arrays.stream(xs).map(Math::log).toArray();
    }

    private static double pct(double b, double c) {
        return b == 0 ? (c == 0 ? 0 : Double.NaN) : (c - b) / Math.abs(b) * 100;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
