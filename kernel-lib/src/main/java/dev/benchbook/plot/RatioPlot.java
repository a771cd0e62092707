package dev.benchbook.plot;

import dev.benchbook.result.RunResult;
import dev.benchbook.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;

/**
 * Each benchmark's mean time per operation divided by the baseline benchmark's mean at the same param
 * combination, as bars with confidence whiskers computed by {@link #ratio}. A ratio above 1 means slower
 * than the baseline. The baseline's own bar is exactly 1, without whiskers. A combination where the
 * baseline has no measured iteration gets no bars.
 */
public final class RatioPlot {
    private RatioPlot() {}

    /**
     * Ratios of every benchmark of {@code result} to {@code baseline}, intervals at the suite's level.
     *
     * @throws IllegalArgumentException if the suite has no benchmark {@code baseline} or it has no
     *     measured iteration
     */
    public static Figure create(RunResult result, String baseline) {
        return create(PlotData.of(result), baseline);
    }

    /**
     * Ratios from a samples table ({@code r.samples()}, intervals at 99.9%) or a summary table
     * ({@code r.summary()}, its own intervals).
     */
    public static Figure create(Table table, String baseline) {
        return create(PlotData.of(table), baseline);
    }

    /**
     * The ratio {@code mean / baseline} of two independent means with a confidence interval, by
     * first-order error propagation (the delta method) on the log scale. Each mean's relative half-width
     * is {@code h = (high - low) / 2 / point} of its Student-t interval; the log of the ratio has
     * half-width {@code sqrt(h_mean² + h_baseline²)}, so the interval is {@code [r·e^-w, r·e^w]}: always
     * positive, asymmetric around {@code r}, and accurate while both half-widths are small (below about
     * 20%); wider ones give a rougher, usually conservative interval.
     *
     * @param mean the mean to compare, with its interval
     * @param baseline the baseline mean, with its interval at the same confidence level
     * @return the ratio with its interval at that level; NaN bounds when either interval is NaN
     * @throws IllegalArgumentException if the two confidence levels differ or a point is not &gt; 0
     */
    public static Estimate ratio(Estimate mean, Estimate baseline) {
        if (mean.confidence() != baseline.confidence()) {
            throw new IllegalArgumentException("ratio(confidence=" + mean.confidence() + " vs baseline "
                    + baseline.confidence() + "): both intervals must have the same level; recompute them at one");
        }
        if (!(mean.point() > 0) || !(baseline.point() > 0)) {
            throw new IllegalArgumentException("ratio(mean=" + mean.point() + ", baseline=" + baseline.point()
                    + "): both means must be > 0 for a time ratio; check the samples");
        }
        double r = mean.point() / baseline.point();
        double w = Math.hypot(mean.halfWidth() / mean.point(), baseline.halfWidth() / baseline.point());
        return new Estimate(r, r * Math.exp(-w), r * Math.exp(w), mean.confidence());
    }

    static Figure create(PlotData data, String baseline) {
        data.requireBenchmark("ratio", baseline);
        List<String> benchmarks = data.benchmarksWithData();
        if (!benchmarks.contains(baseline)) {
            throw new IllegalArgumentException("ratio(baseline=\"" + baseline + "\"): the baseline has no measured"
                    + " iteration in suite '" + data.suite + "'; see r.problems(), or pick another baseline from "
                    + benchmarks);
        }
        boolean byParams = !data.paramNames.isEmpty();
        String title = data.suite + ": mean time relative to " + baseline + " (" + Layouts.percent(data.level)
                + " confidence intervals)";
        boolean logY = span(data, baseline, benchmarks) >= ScalingPlot.AUTO_LOG_SPAN;
        PlotFigure.Builder fig = new PlotFigure.Builder(Layouts.builder(title,
                Layouts.axis(Layouts.paramsTitle(data.paramNames), Axis.Type.CATEGORY),
                Layouts.axis("mean time / mean time of " + baseline + " (> 1 is slower" + (logY ? ", log scale)" : ")"),
                        logY ? Axis.Type.LOG : Axis.Type.LINEAR))
                .barMode(Layout.BarMode.GROUP).showLegend(byParams).build());
        List<Object> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> plus = new ArrayList<>();
        List<Double> minus = new ArrayList<>();
        for (String bench : benchmarks) {
            for (PlotData.Cell c : data.cellsOf(bench)) {
                Optional<PlotData.Cell> base = data.cellsOf(baseline).stream()
                        .filter(b -> b.paramKey().equals(c.paramKey()) && b.hasMean()).findFirst();
                if (!c.hasMean() || base.isEmpty()) {
                    continue;
                }
                Estimate r = bench.equals(baseline) ? new Estimate(1, 1, 1, data.level)
                        : ratio(c.mean(), base.get().mean());
                x.add(Labels.data(byParams ? c.paramKey() : bench));
                y.add(r.point());
                plus.add(r.high() - r.point());
                minus.add(r.point() - r.low());
            }
            if (byParams) {
                addTrace(fig, bench, x, y, plus, minus);
            }
        }
        if (!byParams) {
            addTrace(fig, "ratio to " + baseline, x, y, plus, minus);
        }
        return fig.build();
    }

    /**
     * Largest ratio over smallest: when it reaches {@link ScalingPlot#AUTO_LOG_SPAN}, a linear axis
     * would flatten every bar but the tallest, so the ratio axis goes logarithmic.
     */
    private static double span(PlotData data, String baseline, List<String> benchmarks) {
        double min = 1;
        double max = 1;
        for (String bench : benchmarks) {
            for (PlotData.Cell c : data.cellsOf(bench)) {
                Optional<PlotData.Cell> base = data.cellsOf(baseline).stream()
                        .filter(b -> b.paramKey().equals(c.paramKey()) && b.hasMean()).findFirst();
                if (c.hasMean() && base.isPresent() && c.mean().point() > 0 && base.get().mean().point() > 0) {
                    double r = c.mean().point() / base.get().mean().point();
                    min = Math.min(min, r);
                    max = Math.max(max, r);
                }
            }
        }
        return max / min;
    }

    private static void addTrace(PlotFigure.Builder fig, String name, List<Object> x, List<Double> y,
            List<Double> plus, List<Double> minus) {
        if (x.isEmpty()) {
            return;
        }
        int i = fig.add(BarTrace.builder(x.toArray(), y.stream().mapToDouble(Double::doubleValue).toArray())
                .name(Labels.template(name)).build());
        fig.trace(i, "error_y", ScalingPlot.errorBars(plus.stream().mapToDouble(Double::doubleValue).toArray(),
                minus.stream().mapToDouble(Double::doubleValue).toArray()));
        x.clear();
        y.clear();
        plus.clear();
        minus.clear();
    }
}
