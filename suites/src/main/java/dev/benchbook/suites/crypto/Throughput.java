package dev.benchbook.suites.crypto;

import dev.benchbook.Results;
import dev.benchbook.analysis.RunStats;
import dev.benchbook.analysis.RunSummary;
import dev.benchbook.result.BenchmarkRun;
import java.util.function.ToLongFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Throughput from a run's per-operation wall times, which the harness measures: operations per second and,
 * for work on a payload, MB/s (1 MB = 10^6 bytes) with the interval that the mean time's confidence interval
 * gives. Nothing is measured again; a run without measured iterations gets missing values.
 */
public final class Throughput {
    /** Column: the payload bytes each operation processes. */
    public static final String BYTES_PER_OP = "bytes_per_op";
    /** Column: operations per second, 10^9 over the mean ns per operation. */
    public static final String OPS_PER_S = "ops_per_s";
    /** Column: MB/s, bytes per operation times 10^3 over the mean ns per operation. */
    public static final String MB_PER_S = "mb_per_s";
    /** Column: MB/s at the high end of the mean time's interval. */
    public static final String MB_PER_S_CI_LOW = "mb_per_s_ci_low";
    /** Column: MB/s at the low end of the mean time's interval; infinite when that end is at or below zero. */
    public static final String MB_PER_S_CI_HIGH = "mb_per_s_ci_high";

    private Throughput() {}

    /**
     * A run of {@link CryptoSuite}: one row per benchmark run, the bytes per operation from {@link
     * CryptoSuite#bytesPerOp} and the run's {@code bytes} param.
     *
     * @throws IllegalArgumentException if a run has no {@code bytes} param
     */
    public static Table of(Results results) {
        return of(results, run -> {
            Object b = run.params().values().get("bytes");
            if (!(b instanceof Number n)) {
                throw new IllegalArgumentException("Throughput.of: run " + run.benchmark() + " " + run.params()
                        + " has no integer param bytes; pass the bytes per operation with of(results, run -> ...)");
            }
            return CryptoSuite.bytesPerOp(run.benchmark(), n.longValue());
        });
    }

    /**
     * Any run: {@code bytesPerOp} says how many payload bytes an operation of a benchmark run processes (0 when
     * its work is not a payload: its MB/s is then missing).
     */
    public static Table of(Results results, ToLongFunction<BenchmarkRun> bytesPerOp) {
        RunSummary summary = results.computed();
        StringColumn bench = StringColumn.create("benchmark");
        StringColumn params = StringColumn.create("params");
        StringColumn status = StringColumn.create("status");
        LongColumn bytes = LongColumn.create(BYTES_PER_OP);
        DoubleColumn mean = DoubleColumn.create("mean_ns");
        DoubleColumn ops = DoubleColumn.create(OPS_PER_S);
        DoubleColumn mb = DoubleColumn.create(MB_PER_S);
        DoubleColumn mbLow = DoubleColumn.create(MB_PER_S_CI_LOW);
        DoubleColumn mbHigh = DoubleColumn.create(MB_PER_S_CI_HIGH);
        for (int i = 0; i < summary.result().runs().size(); i++) {
            BenchmarkRun run = summary.result().runs().get(i);
            RunStats st = summary.stats().get(i);
            long b = bytesPerOp.applyAsLong(run);
            double ns = run.measured().isEmpty() ? Double.NaN : st.times().mean();
            bench.append(run.benchmark());
            params.append(run.params().key());
            status.append(run.status().label());
            bytes.append(b);
            mean.append(ns);
            ops.append(1e9 / ns);
            mb.append(b > 0 ? b * 1e3 / ns : Double.NaN);
            mbLow.append(b > 0 ? b * 1e3 / st.ci().high() : Double.NaN);
            // An interval that reaches zero time bounds the rate from below only.
            mbHigh.append(b <= 0 ? Double.NaN : st.ci().low() > 0 ? b * 1e3 / st.ci().low() : Double.POSITIVE_INFINITY);
        }
        return Table.create(summary.result().suite().name() + " throughput", bench, params, status, bytes, mean, ops,
                mb, mbLow, mbHigh);
    }
}
