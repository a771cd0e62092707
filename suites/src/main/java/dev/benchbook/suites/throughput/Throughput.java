package dev.benchbook.suites.throughput;

import dev.benchbook.Results;
import dev.benchbook.analysis.RunStats;
import dev.benchbook.analysis.RunSummary;
import dev.benchbook.result.BenchmarkRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Rates from a run's per-operation wall times, which the harness measures: for each {@link Rate}, units per
 * operation over the mean time per operation, with the interval that the mean time's confidence interval gives
 * (the rate's low end from the time's high end, and the other way round; infinite at the top when the time's
 * interval reaches zero). The rate of the mean time, not the mean of per-operation rates, which a few slow
 * operations would bias upwards. Nothing is measured again; a run without measured iterations gets missing values.
 */
public final class Throughput {
    /** Column: the mean wall time per operation, as in the summary. */
    public static final String MEAN_NS = "mean_ns";
    /** Suffix of a rate's lower bound column. */
    public static final String CI_LOW = "_ci_low";
    /** Suffix of a rate's upper bound column. */
    public static final String CI_HIGH = "_ci_high";

    private Throughput() {}

    /**
     * A rate to derive.
     *
     * @param column the column's name, with its unit, e.g. {@code mb_per_s}
     * @param unitsPerOp how many units one operation of a benchmark run does, e.g. its bytes over 10^6; zero or
     *     less where the rate does not apply (its values are then missing)
     */
    public record Rate(String column, ToDoubleFunction<BenchmarkRun> unitsPerOp) {}

    /**
     * One row per benchmark run of {@code results}: {@code benchmark}, {@code params}, {@code status}, {@value
     * #MEAN_NS}, then each rate with its {@value #CI_LOW} and {@value #CI_HIGH} columns.
     */
    public static Table of(Results results, Rate... rates) {
        RunSummary summary = results.computed();
        StringColumn bench = StringColumn.create("benchmark");
        StringColumn params = StringColumn.create("params");
        StringColumn status = StringColumn.create("status");
        DoubleColumn mean = DoubleColumn.create(MEAN_NS);
        List<DoubleColumn[]> columns = new ArrayList<>();
        for (Rate r : rates) {
            columns.add(new DoubleColumn[] {DoubleColumn.create(r.column()), DoubleColumn.create(r.column() + CI_LOW),
                DoubleColumn.create(r.column() + CI_HIGH)});
        }
        for (int i = 0; i < summary.result().runs().size(); i++) {
            BenchmarkRun run = summary.result().runs().get(i);
            RunStats st = summary.stats().get(i);
            boolean measured = !run.measured().isEmpty();
            double ns = measured ? st.times().mean() : Double.NaN;
            bench.append(run.benchmark());
            params.append(run.params().key());
            status.append(run.status().label());
            mean.append(ns);
            for (int k = 0; k < rates.length; k++) {
                double units = rates[k].unitsPerOp().applyAsDouble(run);
                boolean applies = measured && units > 0;
                DoubleColumn[] c = columns.get(k);
                c[0].append(applies ? units * 1e9 / ns : Double.NaN);
                c[1].append(applies ? units * 1e9 / st.ci().high() : Double.NaN);
                c[2].append(!applies ? Double.NaN
                        : st.ci().low() > 0 ? units * 1e9 / st.ci().low() : Double.POSITIVE_INFINITY);
            }
        }
        Table t = Table.create(summary.result().suite().name() + " throughput", bench, params, status, mean);
        columns.forEach(t::addColumns);
        return t;
    }
}
