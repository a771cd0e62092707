package dev.benchbook.table;

import dev.benchbook.harness.OutputHasher;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.analysis.RunStats;
import dev.benchbook.spec.RunControls;
import dev.benchbook.stats.OutlierKind;
import dev.benchbook.stats.Outliers;
import dev.benchbook.stats.SteadyState;
import dev.benchbook.stats.TukeyOutliers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Builds the samples and summary tables of a run. Each call returns a new table. */
public final class ResultTables {
    private ResultTables() {}

    /**
     * One row per benchmark × param combination × iteration, warmup iterations included and flagged.
     * Columns: suite, benchmark, one per param, iteration, warmup, batch_size, wall_ns_per_op,
     * cpu_ns_per_op, alloc_bytes_per_op, gc_count, gc_time_ms, output_hash, and outlier (the Tukey
     * class of a measured iteration among the measured ones; empty for warmup).
     */
    public static Table samples(RunResult result) {
        String suite = result.suite().name();
        StringColumn suiteCol = StringColumn.create(Columns.SUITE);
        StringColumn bench = StringColumn.create(Columns.BENCHMARK);
        List<ParamColumn> params = paramColumns(result);
        IntColumn iteration = IntColumn.create(Columns.ITERATION);
        BooleanColumn warmup = BooleanColumn.create(Columns.WARMUP);
        LongColumn batch = LongColumn.create(Columns.BATCH_SIZE);
        DoubleColumn wall = DoubleColumn.create(Columns.WALL_NS_PER_OP);
        DoubleColumn cpu = DoubleColumn.create(Columns.CPU_NS_PER_OP);
        DoubleColumn alloc = DoubleColumn.create(Columns.ALLOC_BYTES_PER_OP);
        LongColumn gcCount = LongColumn.create(Columns.GC_COUNT);
        LongColumn gcTime = LongColumn.create(Columns.GC_TIME_MS);
        StringColumn hash = StringColumn.create(Columns.OUTPUT_HASH);
        StringColumn outlier = StringColumn.create(Columns.OUTLIER);
        IntColumn fork = IntColumn.create("fork");
        for (BenchmarkRun run : result.runs()) {
            double[] measured = run.wallNsPerOp();
            TukeyOutliers tukey = measured.length >= 4 ? Outliers.tukey(measured) : null;
            int m = 0;
            for (IterationSample s : run.samples()) {
                if (s.warmup() || tukey == null) {
                    outlier.append("");
                } else {
                    OutlierKind kind = tukey.kind(m++);
                    outlier.append(kind.name().toLowerCase(Locale.ROOT));
                }
                suiteCol.append(suite);
                bench.append(run.benchmark());
                params.forEach(p -> p.append(run.params().values()));
                iteration.append(s.index());
                fork.append(s.fork());
                warmup.append(s.warmup());
                batch.append(s.batchSize());
                wall.append(s.wallNsPerOp());
                cpu.append(s.cpuNsPerOp());
                alloc.append(s.allocBytesPerOp());
                gcCount.append(s.gcCount());
                gcTime.append(s.gcTimeMs());
                hash.append(OutputHasher.hex(s.outputHash()));
            }
        }
        Table t = Table.create(suite + " samples", suiteCol, bench);
        params.forEach(p -> t.addColumns(p.column()));
        return t.addColumns(fork, iteration, warmup, batch, wall, cpu, alloc, gcCount, gcTime, hash, outlier);
    }

    /**
     * One row per benchmark × param combination, over measured iterations only. Times are wall
     * nanoseconds per operation; ci_low_ns and ci_high_ns bound the Student-t interval of the mean,
     * boot_ci_low_ns and boot_ci_high_ns the seeded BCa bootstrap interval, both at the level in
     * ci_level (the suite's {@code confidence}, 99.9% by default). See {@link Columns} for the rest.
     */
    public static Table summary(RunResult result) {
        String suite = result.suite().name();
        RunControls controls = result.suite().controls();
        double level = controls.confidence();
        StringColumn suiteCol = StringColumn.create(Columns.SUITE);
        StringColumn bench = StringColumn.create(Columns.BENCHMARK);
        List<ParamColumn> params = paramColumns(result);
        StringColumn status = StringColumn.create(Columns.STATUS);
        IntColumn n = IntColumn.create(Columns.N);
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
        DoubleColumn cpu = DoubleColumn.create(Columns.CPU_NS);
        DoubleColumn alloc = DoubleColumn.create(Columns.ALLOC_BYTES_PER_OP);
        LongColumn gc = LongColumn.create(Columns.GC_COUNT);
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
        StringColumn error = StringColumn.create(Columns.ERROR);
        for (BenchmarkRun run : result.runs()) {
            RunStats st = RunStats.of(run, controls);
            List<IterationSample> measured = run.measured();
            suiteCol.append(suite);
            bench.append(run.benchmark());
            params.forEach(p -> p.append(run.params().values()));
            status.append(run.status().label());
            n.append(st.times().n());
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
            cpu.append(st.cpuNsPerOp());
            alloc.append(st.allocBytesPerOp());
            gc.append(st.gcCount());
            batch.append(measured.isEmpty() ? 0 : measured.get(measured.size() - 1).batchSize());
            hash.append(run.outputHash().isPresent() ? OutputHasher.hex(run.outputHash().getAsLong()) : "");
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
            error.append(run.error());
        }
        Table t = Table.create(suite + " summary", suiteCol, bench);
        params.forEach(p -> t.addColumns(p.column()));
        return t.addColumns(status, n, mean, median, sd, cv, ciLow, ciHigh, ciLevel, bootLow, bootHigh, min, max, cpu,
                alloc, gc, batch, hash, deterministic, mild, severe, steadyFrom, steady, precision, targetPrecision,
                targetMet, miss, stop, forks, between, within, error);
    }

    private static void appendOrMissing(BooleanColumn c, Boolean v) {
        if (v == null) {
            c.appendMissing();
        } else {
            c.append(v);
        }
    }

    private static List<ParamColumn> paramColumns(RunResult result) {
        List<ParamColumn> cols = new ArrayList<>();
        for (ParamSpec p : result.suite().params()) {
            cols.add(new ParamColumn(p.name(), ParamColumn.columnFor(Columns.param(p.name()), p.values())));
        }
        return cols;
    }

    /** A param's column, typed by its values: int, long, double, or text. */
    private record ParamColumn(String param, Column<?> column) {
        static Column<?> columnFor(String name, List<Object> values) {
            if (values.stream().allMatch(v -> v instanceof Integer || v instanceof Short || v instanceof Byte)) {
                return IntColumn.create(name);
            }
            if (values.stream().allMatch(v -> v instanceof Integer || v instanceof Long || v instanceof Short
                    || v instanceof Byte)) {
                return LongColumn.create(name);
            }
            if (values.stream().allMatch(v -> v instanceof Number)) {
                return DoubleColumn.create(name);
            }
            return StringColumn.create(name);
        }

        void append(Map<String, Object> values) {
            Object v = values.get(param);
            if (v == null) {
                // A run without this param (results merged or imported from several classes).
                column.appendMissing();
            } else if (column instanceof IntColumn c) {
                c.append(((Number) v).intValue());
            } else if (column instanceof LongColumn c) {
                c.append(((Number) v).longValue());
            } else if (column instanceof DoubleColumn c) {
                c.append(((Number) v).doubleValue());
            } else {
                ((StringColumn) column).append(String.valueOf(v));
            }
        }
    }
}
