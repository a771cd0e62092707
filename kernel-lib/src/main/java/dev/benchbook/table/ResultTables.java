package dev.benchbook.table;

import dev.benchbook.analysis.RunStats;
import dev.benchbook.analysis.RunSummary;
import dev.benchbook.format.Hex;
import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.RunControls;
import dev.benchbook.stats.Estimate;
import dev.benchbook.stats.OutlierKind;
import dev.benchbook.stats.Outliers;
import dev.benchbook.stats.SteadyState;
import dev.benchbook.stats.TukeyOutliers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Builds the samples and summary tables of a run. Each call returns a new table. */
public final class ResultTables {
    /** Per-iteration metrics that every samples table has a column for, measured or not. */
    private static final List<Metric> FIXED_SAMPLE_METRICS = List.of(Metrics.CPU_NS, Metrics.ALLOC_BYTES_PER_OP,
            Metrics.GC_COUNT, Metrics.GC_TIME_MS);

    private ResultTables() {}

    /** The measured iterations only: {@link #samples(RunResult, boolean)} without warmup. */
    public static Table samples(RunResult result) {
        return samples(result, false);
    }

    /**
     * One row per benchmark × param combination × iteration. Columns: suite, benchmark, one per param,
     * fork, iteration, warmup, batch_size, wall_ns (ns/op), cpu_ns, alloc_bytes_per_op, gc_count,
     * gc_time_ms, then every other per-iteration metric of the run by its id (custom metrics
     * included; missing where an iteration lacks it), output_hash, and outlier (the Tukey class of a
     * measured iteration among the measured ones; empty for warmup).
     *
     * @param withWarmup whether warmup rows are included (flagged in {@code warmup}); without them
     *     every row can be aggregated as is
     */
    public static Table samples(RunResult result, boolean withWarmup) {
        String suite = result.suite().name();
        StringColumn suiteCol = StringColumn.create(Columns.SUITE);
        StringColumn bench = StringColumn.create(Columns.BENCHMARK);
        List<ParamColumns.ParamColumn> params = ParamColumns.of(result.suite().params());
        IntColumn fork = IntColumn.create(Columns.FORK);
        IntColumn iteration = IntColumn.create(Columns.ITERATION);
        BooleanColumn warmup = BooleanColumn.create(Columns.WARMUP);
        LongColumn batch = LongColumn.create(Columns.BATCH_SIZE);
        DoubleColumn wall = DoubleColumn.create(Columns.WALL_NS);
        List<Metric> metrics = new ArrayList<>(FIXED_SAMPLE_METRICS);
        for (Metric m : result.metrics().metrics()) {
            if (m.scope() != Metric.Scope.PER_RUN && !m.equals(Metrics.WALL_NS) && !metrics.contains(m)) {
                metrics.add(m);
            }
        }
        List<DoubleColumn> values = metrics.stream().map(m -> DoubleColumn.create(m.id())).toList();
        StringColumn hash = StringColumn.create(Columns.OUTPUT_HASH);
        StringColumn outlier = StringColumn.create(Columns.OUTLIER);
        for (BenchmarkRun run : result.runs()) {
            double[] measured = run.wallNsPerOp();
            TukeyOutliers tukey = measured.length >= 4 ? Outliers.tukey(measured) : null;
            int m = 0;
            for (IterationSample s : run.samples()) {
                String kind = s.warmup() || tukey == null ? "" : tukey.kind(m).name().toLowerCase(Locale.ROOT);
                if (!s.warmup()) {
                    m++;
                }
                if (s.warmup() && !withWarmup) {
                    continue;
                }
                outlier.append(kind);
                suiteCol.append(suite);
                bench.append(run.benchmark());
                params.forEach(p -> p.append(run.params().values()));
                iteration.append(s.index());
                fork.append(s.fork());
                warmup.append(s.warmup());
                batch.append(s.batchSize());
                wall.append(s.wallNsPerOp());
                for (int i = 0; i < metrics.size(); i++) {
                    double v = s.value(metrics.get(i).id());
                    if (Double.isNaN(v)) {
                        values.get(i).appendMissing();
                    } else {
                        values.get(i).append(v);
                    }
                }
                hash.append(Hex.of(s.outputHash()));
            }
        }
        Table t = Table.create(suite + " samples", suiteCol, bench);
        params.forEach(p -> t.addColumns(p.column()));
        t.addColumns(fork, iteration, warmup, batch, wall);
        values.forEach(t::addColumns);
        return t.addColumns(hash, outlier);
    }

    /** The summary of {@code result}, computing its statistics; see {@link #summary(RunSummary)}. */
    public static Table summary(RunResult result) {
        return summary(RunSummary.of(result, List.of()));
    }

    /**
     * One row per benchmark × param combination, over measured iterations only. Times are wall
     * nanoseconds per operation; ci_low_ns and ci_high_ns bound the Student-t interval of the mean,
     * boot_ci_low_ns and boot_ci_high_ns the seeded BCa bootstrap interval, both at the level in
     * ci_level (the suite's {@code confidence}, 99.9% by default). With a baseline benchmark, ratio,
     * ratio_ci_low and ratio_ci_high follow max_ns. Then cpu_ns, alloc_bytes_per_op and gc_count (means
     * and total; missing where unsupported), then every other metric the run has by its id (its
     * mean, total or peak as its descriptor says; custom metrics also get {@code <name>_ci_low} and
     * {@code <name>_ci_high}). See {@link Columns} for the rest.
     */
    public static Table summary(RunSummary summary) {
        RunResult result = summary.result();
        String suite = result.suite().name();
        RunControls controls = result.suite().controls();
        double level = controls.confidence();
        boolean withRatio = result.suite().hasBaseline();
        StringColumn suiteCol = StringColumn.create(Columns.SUITE);
        StringColumn bench = StringColumn.create(Columns.BENCHMARK);
        List<ParamColumns.ParamColumn> params = ParamColumns.of(result.suite().params());
        StringColumn status = StringColumn.create(Columns.STATUS);
        IntColumn n = IntColumn.create(Columns.N_ITERATIONS);
        IntColumn warmupN = IntColumn.create(Columns.WARMUP_ITERATIONS);
        BooleanColumn warmupSteady = BooleanColumn.create(Columns.WARMUP_STEADY);
        DoubleColumn mean = DoubleColumn.create(Columns.MEAN_NS);
        DoubleColumn median = DoubleColumn.create(Columns.MEDIAN_NS);
        DoubleColumn sd = DoubleColumn.create(Columns.STDDEV_NS);
        DoubleColumn cv = DoubleColumn.create(Columns.CV);
        DoubleColumn ciLow = DoubleColumn.create(Columns.CI_LOW_NS);
        DoubleColumn ciHigh = DoubleColumn.create(Columns.CI_HIGH_NS);
        DoubleColumn ciLevel = DoubleColumn.create(Columns.CI_LEVEL);
        DoubleColumn bootLow = DoubleColumn.create(Columns.BOOT_CI_LOW_NS);
        DoubleColumn bootHigh = DoubleColumn.create(Columns.BOOT_CI_HIGH_NS);
        DoubleColumn min = DoubleColumn.create(Columns.MIN_NS);
        DoubleColumn max = DoubleColumn.create(Columns.MAX_NS);
        DoubleColumn ratio = DoubleColumn.create(Columns.RATIO);
        DoubleColumn ratioLow = DoubleColumn.create(Columns.RATIO_CI_LOW);
        DoubleColumn ratioHigh = DoubleColumn.create(Columns.RATIO_CI_HIGH);
        DoubleColumn cpu = DoubleColumn.create(Columns.CPU_NS);
        DoubleColumn alloc = DoubleColumn.create(Columns.ALLOC_BYTES_PER_OP);
        LongColumn gc = LongColumn.create(Columns.GC_COUNT);
        List<MetricColumns> extra = new ArrayList<>();
        for (Metric m : result.metrics().metrics()) {
            if (!List.of(Metrics.WALL_NS.id(), Metrics.CPU_NS.id(), Metrics.ALLOC_BYTES_PER_OP.id(),
                    Metrics.GC_COUNT.id()).contains(m.id())) {
                extra.add(new MetricColumns(m, Metrics.builtIn(m.id()).isEmpty()));
            }
        }
        LongColumn batch = LongColumn.create(Columns.BATCH_SIZE);
        StringColumn hash = StringColumn.create(Columns.OUTPUT_HASH);
        BooleanColumn deterministic = BooleanColumn.create(Columns.DETERMINISTIC);
        IntColumn mild = IntColumn.create(Columns.OUTLIERS_MILD);
        IntColumn severe = IntColumn.create(Columns.OUTLIERS_SEVERE);
        IntColumn steadyFrom = IntColumn.create(Columns.STEADY_FROM);
        BooleanColumn steady = BooleanColumn.create(Columns.STEADY);
        DoubleColumn precision = DoubleColumn.create(Columns.PRECISION);
        DoubleColumn targetPrecision = DoubleColumn.create(Columns.TARGET_PRECISION);
        BooleanColumn targetMet = BooleanColumn.create(Columns.TARGET_MET);
        StringColumn miss = StringColumn.create(Columns.PRECISION_MISS);
        StringColumn stop = StringColumn.create(Columns.STOP_REASON);
        IntColumn forks = IntColumn.create(Columns.FORKS);
        DoubleColumn between = DoubleColumn.create(Columns.BETWEEN_FORK_CV);
        DoubleColumn within = DoubleColumn.create(Columns.WITHIN_FORK_CV);
        StringColumn runner = StringColumn.create(Columns.RUNNER);
        StringColumn error = StringColumn.create(Columns.ERROR);
        for (int i = 0; i < result.runs().size(); i++) {
            BenchmarkRun run = result.runs().get(i);
            RunStats st = summary.stats().get(i);
            List<IterationSample> measured = run.measured();
            suiteCol.append(suite);
            bench.append(run.benchmark());
            params.forEach(p -> p.append(run.params().values()));
            status.append(run.status().label());
            n.append(st.times().n());
            warmupN.append(st.warmupIterations());
            appendOrMissing(warmupSteady, st.warmupSteady().orElse(null));
            mean.append(st.times().mean());
            median.append(st.times().median());
            sd.append(st.times().stddev());
            cv.append(st.times().cv());
            ciLow.append(st.ci().low());
            ciHigh.append(st.ci().high());
            ciLevel.append(level);
            bootLow.append(st.bootstrap().low());
            bootHigh.append(st.bootstrap().high());
            min.append(st.times().min());
            max.append(st.times().max());
            Optional<Estimate> r = summary.ratios().get(i);
            ratio.append(r.map(Estimate::point).orElse(Double.NaN));
            ratioLow.append(r.map(Estimate::low).orElse(Double.NaN));
            ratioHigh.append(r.map(Estimate::high).orElse(Double.NaN));
            cpu.append(st.cpuNsPerOp());
            alloc.append(st.allocBytesPerOp());
            gc.append(st.gcCount());
            extra.forEach(c -> c.append(st.metrics().get(c.metric.id())));
            batch.append(measured.isEmpty() ? 0 : measured.get(measured.size() - 1).batchSize());
            hash.append(run.outputHash().isPresent() ? Hex.of(run.outputHash().getAsLong()) : "");
            appendOrMissing(deterministic, run.samples().isEmpty() ? null : run.deterministic());
            if (st.outliers().isPresent()) {
                mild.append(st.outliers().get().mildLow() + st.outliers().get().mildHigh());
                severe.append(st.outliers().get().severeLow() + st.outliers().get().severeHigh());
            } else {
                mild.appendMissing();
                severe.appendMissing();
            }
            if (st.steady().isPresent() && st.steady().get().stable()) {
                steadyFrom.append(st.steady().get().start());
            } else {
                steadyFrom.appendMissing();
            }
            appendOrMissing(steady, st.steady().map(SteadyState::stable).orElse(null));
            precision.append(st.precision());
            targetPrecision.append(controls.targetPrecision());
            appendOrMissing(targetMet, Double.isNaN(st.precision()) ? null : st.targetMet(controls));
            miss.append(st.miss().map(m -> m.name().toLowerCase(Locale.ROOT)).orElse(""));
            stop.append(run.stopReason().label());
            forks.append(st.forks());
            between.append(st.betweenForkCv());
            within.append(st.withinForkCv());
            runner.append(run.runner());
            error.append(run.error());
        }
        Table t = Table.create(suite + " summary", suiteCol, bench);
        params.forEach(p -> t.addColumns(p.column()));
        t.addColumns(status, n, warmupN, warmupSteady, mean, median, sd, cv, ciLow, ciHigh, ciLevel, bootLow, bootHigh,
                min, max);
        if (withRatio) {
            t.addColumns(ratio, ratioLow, ratioHigh);
        }
        t.addColumns(cpu, alloc, gc);
        extra.forEach(c -> c.columns().forEach(t::addColumns));
        return t.addColumns(batch, hash, deterministic, mild, severe, steadyFrom, steady, precision, targetPrecision,
                targetMet, miss, stop, forks, between, within, runner, error);
    }

    private static void appendOrMissing(BooleanColumn c, Boolean v) {
        if (v == null) {
            c.appendMissing();
        } else {
            c.append(v);
        }
    }

    /** The summary columns of one metric: its figure, and for custom metrics the interval too. */
    private static final class MetricColumns {
        final Metric metric;
        final DoubleColumn value;
        final DoubleColumn low;
        final DoubleColumn high;

        MetricColumns(Metric metric, boolean withInterval) {
            this.metric = metric;
            this.value = DoubleColumn.create(metric.id());
            this.low = withInterval ? DoubleColumn.create(metric.id() + "_ci_low") : null;
            this.high = withInterval ? DoubleColumn.create(metric.id() + "_ci_high") : null;
        }

        void append(Estimate e) {
            value.append(e == null ? Double.NaN : e.point());
            if (low != null) {
                low.append(e == null ? Double.NaN : e.low());
                high.append(e == null ? Double.NaN : e.high());
            }
        }

        List<Column<?>> columns() {
            return low == null ? List.of(value) : List.of(value, low, high);
        }
    }
}
