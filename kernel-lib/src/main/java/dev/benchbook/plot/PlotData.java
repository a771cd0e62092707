package dev.benchbook.plot;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.Defaults;
import dev.benchbook.stats.ConfidenceIntervals;
import dev.benchbook.stats.Estimate;
import dev.benchbook.table.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What the plots draw: one cell per benchmark × param combination, read from a {@link RunResult} or
 * from a samples or summary table. A cell from a summary table has a mean and interval but no samples.
 */
final class PlotData {
    final String suite;
    final List<String> paramNames;
    final List<Cell> cells;
    final double level;
    final boolean hasSamples;

    /**
     * One benchmark at one param combination.
     *
     * @param iterations iteration index of each sample, warmup first; empty without samples
     * @param warmup whether each sample is a warmup iteration
     * @param wallNs wall ns/op of each sample
     * @param mean mean wall ns/op of the measured iterations with its t-interval
     */
    record Cell(String benchmark, Map<String, Object> params, int[] iterations, boolean[] warmup, double[] wallNs,
            Estimate mean) {
        String paramKey() {
            return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }

        double[] measured() {
            return IntStream.range(0, wallNs.length).filter(i -> !warmup[i]).mapToDouble(i -> wallNs[i]).toArray();
        }

        boolean hasMean() {
            return Double.isFinite(mean.point());
        }
    }

    private PlotData(String suite, List<String> paramNames, List<Cell> cells, double level, boolean hasSamples) {
        this.suite = suite;
        this.paramNames = List.copyOf(paramNames);
        this.cells = List.copyOf(cells);
        this.level = level;
        this.hasSamples = hasSamples;
    }

    /** Every run of {@code r}, intervals at the suite's confidence level. */
    static PlotData of(RunResult r) {
        double level = r.suite().controls().confidence();
        List<Cell> cells = new ArrayList<>();
        for (BenchmarkRun run : r.runs()) {
            List<IterationSample> s = run.samples();
            cells.add(new Cell(run.benchmark(), run.params().values(),
                    s.stream().mapToInt(IterationSample::index).toArray(), warmupFlags(s),
                    s.stream().mapToDouble(IterationSample::wallNsPerOp).toArray(),
                    ConfidenceIntervals.tInterval(run.wallNsPerOp(), level)));
        }
        return new PlotData(r.suite().name(), r.suite().paramNames(), cells, level, true);
    }

    /**
     * A samples table (column {@value Columns.WALL_NS}; intervals at the default confidence
     * {@link Defaults#CONFIDENCE}) or a summary table (columns {@value Columns#MEAN_NS}, {@value
     * Columns#CI_LOW_NS}, {@value Columns#CI_HIGH_NS}). Column {@value Columns#BENCHMARK} is required;
     * every column that is not one of {@link Columns#RESERVED} is taken as a param.
     */
    static PlotData of(Table t) {
        require(t, Columns.BENCHMARK, "the benchmark name of each row",
                "pass a Benchbook result table such as r.samples() or r.summary()");
        boolean samples = t.columnNames().contains(Columns.WALL_NS);
        if (!samples && !(t.columnNames().contains(Columns.MEAN_NS) && t.columnNames().contains(Columns.CI_LOW_NS)
                && t.columnNames().contains(Columns.CI_HIGH_NS))) {
            throw new IllegalArgumentException("table '" + t.name() + "' has columns " + t.columnNames()
                    + ": a plot needs a samples table (column " + Columns.WALL_NS + ") or a summary table"
                    + " (columns mean_ns, ci_low_ns, ci_high_ns); pass r.samples() or r.summary()");
        }
        List<String> params = t.columnNames().stream().filter(c -> !Columns.RESERVED.contains(c)).toList();
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int row = 0; row < t.rowCount(); row++) {
            List<Object> key = new ArrayList<>();
            key.add(t.column(Columns.BENCHMARK).getString(row));
            for (String p : params) {
                key.add(t.column(p).get(row));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        double level = samples ? Defaults.CONFIDENCE : summaryLevel(t);
        List<Cell> cells = new ArrayList<>();
        for (var g : groups.entrySet()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < params.size(); i++) {
                values.put(params.get(i), g.getKey().get(i + 1));
            }
            int[] rows = g.getValue().stream().mapToInt(Integer::intValue).toArray();
            String bench = String.valueOf(g.getKey().get(0));
            cells.add(samples ? sampleCell(t, bench, values, rows, level)
                    : summaryCell(t, bench, values, rows[0], level));
        }
        String suite = t.columnNames().contains(Columns.SUITE) && t.rowCount() > 0
                ? t.column(Columns.SUITE).getString(0) : t.name();
        return new PlotData(suite, params, cells, level, samples);
    }

    private static Cell sampleCell(Table t, String bench, Map<String, Object> params, int[] rows, double level) {
        NumericColumn<?> wall = numeric(t, Columns.WALL_NS);
        boolean hasWarmup = t.columnNames().contains(Columns.WARMUP);
        boolean hasIteration = t.columnNames().contains(Columns.ITERATION);
        int[] iterations = new int[rows.length];
        boolean[] warmup = new boolean[rows.length];
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            iterations[i] = hasIteration ? (int) numeric(t, Columns.ITERATION).getDouble(rows[i]) : i;
            warmup[i] = hasWarmup && Boolean.TRUE.equals(((BooleanColumn) t.column(Columns.WARMUP)).get(rows[i]));
            values[i] = wall.getDouble(rows[i]);
        }
        double[] measured = IntStream.range(0, rows.length).filter(i -> !warmup[i]).mapToDouble(i -> values[i])
                .toArray();
        return new Cell(bench, params, iterations, warmup, values, ConfidenceIntervals.tInterval(measured, level));
    }

    private static Cell summaryCell(Table t, String bench, Map<String, Object> params, int row, double level) {
        Estimate mean = new Estimate(numeric(t, Columns.MEAN_NS).getDouble(row),
                numeric(t, Columns.CI_LOW_NS).getDouble(row), numeric(t, Columns.CI_HIGH_NS).getDouble(row), level);
        return new Cell(bench, params, new int[0], new boolean[0], new double[0], mean);
    }

    private static double summaryLevel(Table t) {
        if (t.columnNames().contains(Columns.CI_LEVEL) && t.rowCount() > 0) {
            double level = numeric(t, Columns.CI_LEVEL).getDouble(0);
            if (level > 0 && level < 1) {
                return level;
            }
        }
        return Defaults.CONFIDENCE;
    }

    private static boolean[] warmupFlags(List<IterationSample> samples) {
        boolean[] out = new boolean[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples.get(i).warmup();
        }
        return out;
    }

    static void require(Table t, String column, String why, String fix) {
        if (!t.columnNames().contains(column)) {
            throw new IllegalArgumentException("table '" + t.name() + "' has no column '" + column + "' (" + why
                    + "); its columns are " + t.columnNames() + "; " + fix);
        }
    }

    static NumericColumn<?> numeric(Table t, String column) {
        Column<?> c = t.column(column);
        if (c instanceof NumericColumn<?> n) {
            return n;
        }
        throw new IllegalArgumentException("table '" + t.name() + "', column '" + column + "': type " + c.type()
                + " is not numeric; convert it, e.g. with table.replaceColumn(...), before plotting");
    }

    /** Benchmark names in order of first appearance. */
    List<String> benchmarks() {
        return cells.stream().map(Cell::benchmark).distinct().toList();
    }

    /** Benchmark names that have at least one measured (non-warmup) sample or, for a summary, a mean. */
    List<String> benchmarksWithData() {
        return cells.stream().filter(Cell::hasMean).map(Cell::benchmark).distinct().toList();
    }

    List<Cell> cellsOf(String benchmark) {
        return cells.stream().filter(c -> c.benchmark().equals(benchmark)).toList();
    }

    /** Distinct param keys in order of first appearance. */
    List<String> paramKeys() {
        return cells.stream().map(Cell::paramKey).distinct().toList();
    }

    /** The name under which {@code param} is stored here: itself, or its prefixed table column name. */
    String resolveParam(String plot, String param) {
        if (paramNames.contains(param)) {
            return param;
        }
        if (paramNames.contains(Columns.param(param))) {
            return Columns.param(param);
        }
        throw new IllegalArgumentException(plot + "(param=\"" + param + "\"): suite '" + suite
                + "' has no such param; its params are " + paramNames + "; pass one of them");
    }

    /** Throws unless these data have samples, as the distribution, timeline and histogram need. */
    void requireSamples(String plot) {
        if (!hasSamples) {
            throw new IllegalArgumentException(plot + ": the table of suite '" + suite + "' is a summary without"
                    + " per-iteration samples; this plot draws samples:"
                    + " pass the Results, the RunResult or r.samples()");
        }
    }

    /** Throws unless {@code benchmark} has cells here. */
    void requireBenchmark(String plot, String benchmark) {
        if (!benchmarks().contains(benchmark)) {
            throw new IllegalArgumentException(plot + "(benchmark=\"" + benchmark + "\"): suite '" + suite
                    + "' has no such benchmark; its benchmarks are " + benchmarks() + "; pass one of them");
        }
    }

    /** The text used for a suite without params on category axes. */
    static final String ALL = "all";

    static double[] concat(List<double[]> arrays) {
        return arrays.stream().flatMapToDouble(Arrays::stream).toArray();
    }
}
