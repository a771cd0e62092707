package dev.benchbook.table;

import dev.benchbook.analysis.Finding;
import dev.benchbook.analysis.RunStats;
import dev.benchbook.analysis.RunSummary;
import dev.benchbook.format.Units;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.stats.Estimate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The compact answer a run gives, in the spirit of BenchmarkDotNet's summary: one row per benchmark ×
 * param combination with the mean and its interval half-width in human units, the ratio against the
 * baseline benchmark with its interval, allocation per operation, status and the number of findings.
 * Text columns, for reading; the full summary holds the numbers.
 */
public final class HeadlineTable {
    /** The headline's own column names that a param could collide with. */
    public static final List<String> COLUMNS = List.of("mean", "p50", "p99", "req/s", "errors/window", "findings");

    private HeadlineTable() {}

    /**
     * Columns: benchmark, one per param, mean, ± (the half-width of the t-interval at ci_level, e.g.
     * {@code ± 0.2 µs (99.9%)}), ratio ({@code 0.42 [0.40, 0.44]}, only with a baseline), for load runs
     * (runs whose iterations carry {@code p99_ns} and {@code achieved_rps}) the means over the measured
     * iterations of {@code p50}, {@code p99}, {@code req/s} (achieved) and {@code errors/window}, then alloc/op, status,
     * findings.
     */
    public static Table of(RunSummary summary) {
        RunResult result = summary.result();
        boolean withRatio = result.suite().hasBaseline();
        String levelText = String.format(Locale.ROOT, "%s%%", Units.sig(100 * result.suite().controls().confidence()));
        StringColumn bench = StringColumn.create(Columns.BENCHMARK);
        List<ParamColumns.ParamColumn> params = ParamColumns.of(result.suite().params());
        StringColumn mean = StringColumn.create("mean");
        StringColumn error = StringColumn.create("± ci " + levelText);
        StringColumn ratio = StringColumn.create(Columns.RATIO);
        StringColumn alloc = StringColumn.create("alloc/op");
        StringColumn status = StringColumn.create(Columns.STATUS);
        IntColumn findings = IntColumn.create("findings");
        boolean load = result.runs().stream().anyMatch(HeadlineTable::isLoad);
        StringColumn p50 = StringColumn.create("p50");
        StringColumn p99 = StringColumn.create("p99");
        StringColumn rps = StringColumn.create("req/s");
        StringColumn errors = StringColumn.create("errors/window");
        for (int i = 0; i < result.runs().size(); i++) {
            BenchmarkRun run = result.runs().get(i);
            RunStats st = summary.stats().get(i);
            bench.append(run.benchmark() + (run.benchmark().equals(result.suite().baseline()) ? " (baseline)" : ""));
            params.forEach(p -> p.append(run.params().values()));
            double m = st.times().mean();
            mean.append(Units.time(m));
            double half = (st.ci().high() - st.ci().low()) / 2;
            error.append(Double.isFinite(half) ? "± " + Units.timeLike(half, m) : "");
            Optional<Estimate> r = summary.ratios().get(i);
            ratio.append(r.map(e -> String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.point(), e.low(), e.high()))
                    .orElse(""));
            alloc.append(Units.bytes(st.allocBytesPerOp()));
            if (load) {
                double v50 = measuredMean(run, "p50_ns");
                double v99 = measuredMean(run, "p99_ns");
                double achieved = measuredMean(run, "achieved_rps");
                double failed = measuredMean(run, "errors");
                p50.append(Double.isNaN(v50) ? "" : Units.time(v50));
                p99.append(Double.isNaN(v99) ? "" : Units.time(v99));
                rps.append(Double.isNaN(achieved) ? "" : String.format(Locale.ROOT, "%.0f", achieved));
                errors.append(Double.isNaN(failed) ? "" : Units.sig(failed));
            }
            status.append(run.status().label());
            findings.append((int) summary.findings().stream().filter(f -> concerns(f, run)).count());
        }
        Table t = Table.create(result.suite().name(), bench);
        params.forEach(p -> t.addColumns(p.column()));
        t.addColumns(mean, error);
        if (withRatio) {
            t.addColumns(ratio);
        }
        if (load) {
            t.addColumns(p50, p99, rps, errors);
        }
        return t.addColumns(alloc, status, findings);
    }

    private static boolean isLoad(BenchmarkRun run) {
        return run.measured().stream().anyMatch(s -> s.values().containsKey("p99_ns")
                && s.values().containsKey("achieved_rps"));
    }

    /** The mean of metric {@code id} over the run's measured iterations that carry it; NaN when none does. */
    private static double measuredMean(BenchmarkRun run, String id) {
        return run.measured().stream().map(s -> s.values().get(id)).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static boolean concerns(Finding f, BenchmarkRun run) {
        return f.benchmark().equals(run.benchmark()) && f.params().equals(run.params());
    }
}
