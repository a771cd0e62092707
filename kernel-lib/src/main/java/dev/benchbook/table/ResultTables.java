package dev.benchbook.table;

import dev.benchbook.harness.OutputHasher;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.stats.ConfidenceIntervals;
import dev.benchbook.stats.Descriptive;
import dev.benchbook.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
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
     * cpu_ns_per_op, alloc_bytes_per_op, gc_count, gc_time_ms, output_hash.
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
        for (BenchmarkRun run : result.runs()) {
            for (IterationSample s : run.samples()) {
                suiteCol.append(suite);
                bench.append(run.benchmark());
                params.forEach(p -> p.append(run.params().values()));
                iteration.append(s.index());
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
        return t.addColumns(iteration, warmup, batch, wall, cpu, alloc, gcCount, gcTime, hash);
    }

    /**
     * One row per benchmark × param combination, over measured iterations only. Times are wall
     * nanoseconds per operation; ci_low_ns and ci_high_ns bound the Student-t interval of the mean at
     * the level in ci_level (the suite's {@code confidence}, 99.9% by default).
     */
    public static Table summary(RunResult result) {
        String suite = result.suite().name();
        double level = result.suite().controls().confidence();
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
        DoubleColumn min = DoubleColumn.create(Columns.MIN_NS);
        DoubleColumn max = DoubleColumn.create(Columns.MAX_NS);
        DoubleColumn cpu = DoubleColumn.create(Columns.CPU_NS);
        DoubleColumn alloc = DoubleColumn.create(Columns.ALLOC_BYTES_PER_OP);
        LongColumn gc = LongColumn.create(Columns.GC_COUNT);
        LongColumn batch = LongColumn.create(Columns.BATCH_SIZE);
        StringColumn hash = StringColumn.create(Columns.OUTPUT_HASH);
        BooleanColumn deterministic = BooleanColumn.create(Columns.DETERMINISTIC);
        StringColumn error = StringColumn.create(Columns.ERROR);
        DoubleColumn precision = DoubleColumn.create(Columns.PRECISION);
        DoubleColumn targetPrecision = DoubleColumn.create(Columns.TARGET_PRECISION);
        BooleanColumn targetMet = BooleanColumn.create(Columns.TARGET_MET);
        StringColumn stop = StringColumn.create(Columns.STOP_REASON);
        double target = result.suite().controls().targetPrecision();
        for (BenchmarkRun run : result.runs()) {
            List<IterationSample> measured = run.measured();
            double[] wall = run.wallNsPerOp();
            Descriptive d = Descriptive.of(wall);
            Estimate ci = ConfidenceIntervals.tInterval(wall, level);
            suiteCol.append(suite);
            bench.append(run.benchmark());
            params.forEach(p -> p.append(run.params().values()));
            status.append(run.status().label());
            n.append(d.n());
            mean.append(d.mean());
            median.append(d.median());
            sd.append(d.stddev());
            cv.append(d.cv());
            ciLow.append(ci.low());
            ciHigh.append(ci.high());
            ciLevel.append(level);
            min.append(d.min());
            max.append(d.max());
            cpu.append(meanOf(measured, IterationSample::cpuNsPerOp));
            alloc.append(meanOf(measured, IterationSample::allocBytesPerOp));
            gc.append(measured.stream().mapToLong(IterationSample::gcCount).sum());
            batch.append(measured.isEmpty() ? 0 : measured.get(measured.size() - 1).batchSize());
            hash.append(run.outputHash().isPresent() ? OutputHasher.hex(run.outputHash().getAsLong()) : "");
            if (run.samples().isEmpty()) {
                deterministic.appendMissing();
            } else {
                deterministic.append(run.deterministic());
            }
            error.append(run.error());
            double rel = ci.halfWidth() / Math.abs(ci.point());
            precision.append(rel);
            targetPrecision.append(target);
            if (Double.isNaN(rel)) {
                targetMet.appendMissing();
            } else {
                targetMet.append(rel <= target);
            }
            stop.append(run.stopReason().label());
        }
        Table t = Table.create(suite + " summary", suiteCol, bench);
        params.forEach(p -> t.addColumns(p.column()));
        return t.addColumns(status, n, mean, median, sd, cv, ciLow, ciHigh, ciLevel, min, max, cpu, alloc, gc,
                batch, hash, deterministic, precision, targetPrecision, targetMet, stop, error);
    }

    private static double meanOf(List<IterationSample> samples, ToDoubleFunction<IterationSample> f) {
        return samples.stream().mapToDouble(f).average().orElse(Double.NaN);
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
