package dev.benchbook.analysis;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.RunControls;
import dev.benchbook.stats.ConfidenceIntervals;
import dev.benchbook.stats.Descriptive;
import dev.benchbook.stats.Estimate;
import dev.benchbook.stats.Outliers;
import dev.benchbook.stats.Precision;
import dev.benchbook.stats.PrecisionMiss;
import dev.benchbook.stats.SteadyState;
import dev.benchbook.stats.TukeyOutliers;
import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.MetricSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The statistics of one benchmark run over its measured iterations, as the summary table shows
 * them. Times are wall nanoseconds per operation.
 *
 * @param times descriptive statistics of the per-iteration times
 * @param ci the Student-t interval of the mean at the run's confidence level
 * @param bootstrap the seeded BCa bootstrap interval of the mean at the same level
 * @param precision achieved relative half-width of {@code ci}
 * @param miss why the precision target was missed, or empty when it was met (or cannot be judged)
 * @param outliers Tukey's classification of the measured iterations
 * @param steady steady-state detection over all iterations, warmup included; empty when there are
 *     fewer than {@link SteadyState#MIN_LENGTH}
 * @param cpuNsPerOp mean thread CPU ns per operation, NaN if unsupported
 * @param allocBytesPerOp mean allocated bytes per operation, NaN if unsupported
 * @param gcCount collections during the measured iterations
 * @param forks how many forks measured the run; 0 for a run in this JVM
 * @param betweenForkCv stddev of the per-fork mean times over the grand mean; NaN under two forks
 * @param withinForkCv pooled within-fork stddev over the grand mean; NaN under two forks
 * @param warmupIterations warmup iterations before measuring (per fork: the most any fork made)
 * @param warmupSteady whether an adaptive warmup ended because the times were steady and the JIT
 *     quiet (false: it hit its cap); empty for a fixed warmup
 * @param metrics every other metric of the run by id: the aggregate its descriptor names as the
 *     point (mean, total or peak), with the t-interval at the run's level for means of two or more
 *     values
 */
public record RunStats(
        Descriptive times,
        Estimate ci,
        Estimate bootstrap,
        double precision,
        Optional<PrecisionMiss> miss,
        Optional<TukeyOutliers> outliers,
        Optional<SteadyState> steady,
        double cpuNsPerOp,
        double allocBytesPerOp,
        long gcCount,
        int forks,
        double betweenForkCv,
        double withinForkCv,
        int warmupIterations,
        Optional<Boolean> warmupSteady,
        Map<String, Estimate> metrics) {

    /** Resamples of the bootstrap interval. */
    public static final int BOOTSTRAP_RESAMPLES = 2_000;

    /** Computes the statistics of {@code run} under {@code controls}, for the built-in metrics only. */
    public static RunStats of(BenchmarkRun run, RunControls controls) {
        return of(run, controls, MetricSet.inferred(List.of(run), Map.of()));
    }

    /**
     * Computes the statistics of {@code run} under {@code controls}, for every metric of {@code
     * metrics}; the bootstrap is seeded by the suite seed.
     */
    public static RunStats of(BenchmarkRun run, RunControls controls, MetricSet metrics) {
        List<IterationSample> measured = run.measured();
        double[] xs = run.wallNsPerOp();
        double level = controls.confidence();
        Descriptive d = Descriptive.of(xs);
        Estimate ci = ConfidenceIntervals.tInterval(xs, level);
        Estimate boot = xs.length >= 2
                ? ConfidenceIntervals.bootstrap(xs, level, BOOTSTRAP_RESAMPLES, controls.seed())
                : new Estimate(d.mean(), Double.NaN, Double.NaN, level);
        double precision = xs.length >= 2 ? Precision.relativeHalfWidth(xs, level) : Double.NaN;
        Optional<PrecisionMiss> miss = miss(run, controls, d, precision);
        Optional<TukeyOutliers> outliers = xs.length >= 4 ? Optional.of(Outliers.tukey(xs)) : Optional.empty();
        double[] all = run.samples().stream().mapToDouble(IterationSample::wallNsPerOp).toArray();
        Optional<SteadyState> steady = all.length >= SteadyState.MIN_LENGTH
                ? Optional.of(SteadyState.detect(all)) : Optional.empty();
        int[] forkIds = measured.stream().mapToInt(IterationSample::fork).filter(f -> f > 0).distinct().sorted().toArray();
        double between = Double.NaN;
        double within = Double.NaN;
        if (forkIds.length >= 2) {
            double[] means = new double[forkIds.length];
            double pooled = 0;
            int dof = 0;
            for (int i = 0; i < forkIds.length; i++) {
                int f = forkIds[i];
                Descriptive fd = Descriptive.of(measured.stream().filter(s -> s.fork() == f)
                        .mapToDouble(IterationSample::wallNsPerOp).toArray());
                means[i] = fd.mean();
                if (fd.n() >= 2) {
                    pooled += fd.stddev() * fd.stddev() * (fd.n() - 1);
                    dof += fd.n() - 1;
                }
            }
            between = Descriptive.of(means).stddev() / d.mean();
            within = dof > 0 ? Math.sqrt(pooled / dof) / d.mean() : Double.NaN;
        }
        int warmup = (int) run.samples().stream().filter(IterationSample::warmup)
                .collect(java.util.stream.Collectors.groupingBy(IterationSample::fork, java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
        Optional<Boolean> warmupSteady = controls.adaptiveWarmup() && !run.samples().isEmpty() && run.stopReason() != StopReason.NONE
                ? Optional.of(warmup < controls.warmupCap()) : Optional.empty();
        return new RunStats(d, ci, boot, precision, miss, outliers, steady,
                mean(measured, IterationSample::cpuNsPerOp), mean(measured, IterationSample::allocBytesPerOp),
                measured.stream().mapToLong(IterationSample::gcCount).sum(), forkIds.length, between, within,
                warmup, warmupSteady, metricFigures(run, metrics, level));
    }

    /** Whether the precision target was met; false when it cannot be judged (under two iterations). */
    public boolean targetMet(RunControls controls) {
        return precision <= controls.targetPrecision();
    }

    /**
     * Classifies a miss with {@link Precision#miss}, against the run's own cap: the fixed count of
     * a fixed run (a miss there is TOO_FEW_ITERATIONS unless it is NOISE), the iteration cap of an
     * adaptive one (a run the time cap stopped short of that is CAP).
     */
    private static Optional<PrecisionMiss> miss(BenchmarkRun run, RunControls controls, Descriptive d, double precision) {
        if (Double.isNaN(precision) || precision <= controls.targetPrecision() || d.n() < 2 || !(d.cv() >= 0)) {
            return Optional.empty();
        }
        boolean fixed = run.stopReason() == StopReason.FIXED;
        int cap = Math.max(2, fixed ? d.n() : Math.max(d.n(), controls.maxIterations()));
        PrecisionMiss m = Precision.miss(Math.min(d.n(), cap), cap, d.cv(), controls.confidence(), controls.targetPrecision());
        if (m == PrecisionMiss.NOISE) {
            return Optional.of(m);
        }
        return Optional.of(fixed ? PrecisionMiss.TOO_FEW_ITERATIONS : PrecisionMiss.CAP);
    }

    private static Map<String, Estimate> metricFigures(BenchmarkRun run, MetricSet metrics, double level) {
        Map<String, Estimate> out = new LinkedHashMap<>();
        for (Metric m : metrics.metrics()) {
            if (m.id().equals(Metrics.WALL_NS.id())) {
                continue;
            }
            if (m.scope() == Metric.Scope.PER_RUN) {
                double v = run.runValue(m.id());
                if (!Double.isNaN(v)) {
                    out.put(m.id(), new Estimate(v, Double.NaN, Double.NaN, level));
                }
                continue;
            }
            double[] xs = run.values(m.id());
            if (xs.length == 0) {
                continue;
            }
            out.put(m.id(), switch (m.aggregate()) {
                case SUM -> new Estimate(java.util.Arrays.stream(xs).sum(), Double.NaN, Double.NaN, level);
                case MAX -> new Estimate(java.util.Arrays.stream(xs).max().orElse(Double.NaN), Double.NaN, Double.NaN,
                        level);
                case MEAN -> xs.length >= 2 ? ConfidenceIntervals.tInterval(xs, level)
                        : new Estimate(xs[0], Double.NaN, Double.NaN, level);
            });
        }
        return out;
    }

    private static double mean(List<IterationSample> samples, ToDoubleFunction<IterationSample> f) {
        return samples.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
