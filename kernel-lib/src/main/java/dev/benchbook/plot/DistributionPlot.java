package dev.benchbook.plot;

import dev.benchbook.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.BoxTrace;
import tech.tablesaw.plotly.traces.ViolinTrace;

/**
 * The distribution of measured wall time per operation: one box (or violin) trace per benchmark, with
 * one box per param combination on the x axis, benchmarks side by side within a combination. Without
 * params the x axis lists the benchmarks. Warmup iterations are left out. The time axis is logarithmic
 * when the param combinations' medians span a factor of 100 or more.
 */
public final class DistributionPlot {
    /** How each distribution is drawn. */
    public enum Kind {
        /** Box and whiskers with the mean as a dashed line; outliers as points. */
        BOX,
        /** Kernel density with an inner box and the mean line. */
        VIOLIN
    }

    private DistributionPlot() {}

    /** Box plots of every benchmark's measured iterations of {@code result}. */
    public static Figure create(RunResult result) {
        return create(result, Kind.BOX);
    }

    /**
     * Box or violin plots of every benchmark's measured iterations of {@code result}.
     *
     * @throws IllegalArgumentException if no run has a measured iteration
     */
    public static Figure create(RunResult result, Kind kind) {
        return create(PlotData.of(result), kind);
    }

    /**
     * Box plots from a samples table such as {@code r.samples()}, possibly filtered: columns benchmark,
     * wall_ns, optionally warmup; every other non-result column is a param.
     *
     * @throws IllegalArgumentException if the table lacks those columns or has no measured rows
     */
    public static Figure create(Table samples) {
        return create(samples, Kind.BOX);
    }

    /** Box or violin plots from a samples table; see {@link #create(Table)}. */
    public static Figure create(Table samples, Kind kind) {
        return create(PlotData.of(samples), kind);
    }

    static Figure create(PlotData data, Kind kind) {
        Objects.requireNonNull(kind, "kind");
        data.requireSamples("distribution");
        List<String> benchmarks = data.benchmarksWithData();
        if (benchmarks.isEmpty()) {
            throw new IllegalArgumentException("distribution: suite '" + data.suite + "' has no measured iterations;"
                    + " every run failed or was warmup only; see r.problems() and run again");
        }
        boolean byParams = !data.paramNames.isEmpty();
        List<double[]> all = new ArrayList<>();
        data.cells.forEach(c -> all.add(c.measured()));
        TimeScale scale = TimeScale.forNanos(PlotData.concat(all));
        String title = data.suite + ": distribution of wall time per operation ("
                + (kind == Kind.BOX ? "box" : "violin") + ", measured iterations)";
        PlotFigure.Builder fig = new PlotFigure.Builder(Layouts.builder(title,
                Layouts.axis(Layouts.paramsTitle(data.paramNames), Axis.Type.CATEGORY),
                Layouts.timeAxis("wall time", scale, Layouts.logTime(all))).showLegend(byParams).build());
        for (String bench : benchmarks) {
            List<String> x = new ArrayList<>();
            List<double[]> y = new ArrayList<>();
            for (PlotData.Cell c : data.cellsOf(bench)) {
                double[] m = c.measured();
                for (int i = 0; i < m.length; i++) {
                    x.add(Labels.data(byParams ? c.paramKey() : bench));
                }
                y.add(m);
            }
            Object[] xs = x.toArray();
            double[] ys = scale.fromNanos(PlotData.concat(y));
            int index = kind == Kind.BOX
                    ? fig.add(BoxTrace.builder(xs, ys).name(Labels.template(bench)).build())
                    : fig.add(ViolinTrace.builder(xs, ys).name(Labels.template(bench)).boxPlot(true).meanLine(true)
                            .build());
            if (kind == Kind.BOX) {
                fig.trace(index, "boxmean", true);
            }
        }
        return fig.layout(kind == Kind.BOX ? "boxmode" : "violinmode", "group").build();
    }
}
