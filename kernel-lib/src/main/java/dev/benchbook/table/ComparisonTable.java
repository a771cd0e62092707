package dev.benchbook.table;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.stats.Comparison;
import dev.benchbook.stats.TwoSampleComparison;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Compares two benchmarks of a run at every param combination: Welch's t-test, the Mann-Whitney U
 * test, the Hodges-Lehmann shift, Cliff's delta and the ratio of means with a seeded bootstrap
 * interval. Signed figures are candidate minus baseline, so a positive shift means slower.
 */
public final class ComparisonTable {
    private ComparisonTable() {}

    /**
     * One row per param combination where both benchmarks have at least two measured iterations.
     * Columns: baseline, candidate, one per param (as text), n_baseline, n_candidate,
     * mean_baseline_ns, mean_candidate_ns, ratio, ratio_ci_low, ratio_ci_high, ci_level, welch_t,
     * welch_df, welch_p, mann_whitney_u, mann_whitney_p, hodges_lehmann_ns, cliffs_delta.
     *
     * @throws IllegalArgumentException if either name is not a benchmark of the run
     */
    public static Table of(RunResult result, String baseline, String candidate) {
        List<String> names = result.suite().benchmarks();
        for (String[] arg : new String[][] {{"baseline", baseline}, {"candidate", candidate}}) {
            if (!names.contains(arg[1])) {
                throw new IllegalArgumentException("compare(" + arg[0] + "=\"" + arg[1] + "\"): no such benchmark in suite '"
                        + result.suite().name() + "'; use one of " + names);
            }
        }
        double level = result.suite().controls().confidence();
        List<ParamSpec> paramSpecs = result.suite().params();
        StringColumn base = StringColumn.create("baseline");
        StringColumn cand = StringColumn.create("candidate");
        List<StringColumn> params = paramSpecs.stream().map(p -> StringColumn.create(Columns.param(p.name()))).toList();
        IntColumn nA = IntColumn.create("n_baseline");
        IntColumn nB = IntColumn.create("n_candidate");
        DoubleColumn meanA = DoubleColumn.create("mean_baseline_ns");
        DoubleColumn meanB = DoubleColumn.create("mean_candidate_ns");
        DoubleColumn ratio = DoubleColumn.create("ratio");
        DoubleColumn ratioLow = DoubleColumn.create("ratio_ci_low");
        DoubleColumn ratioHigh = DoubleColumn.create("ratio_ci_high");
        DoubleColumn ciLevel = DoubleColumn.create(Columns.CI_LEVEL);
        DoubleColumn welchT = DoubleColumn.create("welch_t");
        DoubleColumn welchDf = DoubleColumn.create("welch_df");
        DoubleColumn welchP = DoubleColumn.create("welch_p");
        DoubleColumn u = DoubleColumn.create("mann_whitney_u");
        DoubleColumn uP = DoubleColumn.create("mann_whitney_p");
        DoubleColumn hl = DoubleColumn.create("hodges_lehmann_ns");
        DoubleColumn delta = DoubleColumn.create("cliffs_delta");
        for (ParamSet ps : result.runs().stream().map(BenchmarkRun::params).distinct().toList()) {
            Optional<BenchmarkRun> a = find(result, baseline, ps);
            Optional<BenchmarkRun> b = find(result, candidate, ps);
            if (a.isEmpty() || b.isEmpty() || a.get().measured().size() < 2 || b.get().measured().size() < 2) {
                continue;
            }
            double[] xa = a.get().wallNsPerOp();
            double[] xb = b.get().wallNsPerOp();
            TwoSampleComparison c = Comparison.of(xa, xb, level, 2_000, result.suite().controls().seed());
            base.append(baseline);
            cand.append(candidate);
            for (int i = 0; i < paramSpecs.size(); i++) {
                params.get(i).append(String.valueOf(ps.values().get(paramSpecs.get(i).name())));
            }
            nA.append(c.nA());
            nB.append(c.nB());
            meanA.append(java.util.Arrays.stream(xa).average().orElse(Double.NaN));
            meanB.append(java.util.Arrays.stream(xb).average().orElse(Double.NaN));
            ratio.append(c.ratio().point());
            ratioLow.append(c.ratio().low());
            ratioHigh.append(c.ratio().high());
            ciLevel.append(level);
            welchT.append(c.welchT());
            welchDf.append(c.welchDf());
            welchP.append(c.welchP());
            u.append(c.mannWhitneyU());
            uP.append(c.mannWhitneyP());
            hl.append(c.hodgesLehmann());
            delta.append(c.cliffsDelta());
        }
        Table t = Table.create(result.suite().name() + ": " + candidate + " vs " + baseline, base, cand);
        params.forEach(t::addColumns);
        return t.addColumns(nA, nB, meanA, meanB, ratio, ratioLow, ratioHigh, ciLevel, welchT, welchDf, welchP, u, uP,
                hl, delta);
    }

    private static Optional<BenchmarkRun> find(RunResult result, String name, ParamSet ps) {
        return result.runs().stream().filter(r -> r.benchmark().equals(name) && r.params().equals(ps)).findFirst();
    }
}
