package dev.benchbook.plot;

import dev.benchbook.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HistogramTrace;

/**
 * Histogram of the measured wall time per operation of one benchmark: one semi-transparent, overlaid
 * histogram per param combination. Warmup iterations are left out.
 */
public final class HistogramPlot {
    private HistogramPlot() {}

    /**
     * The measured iterations of {@code benchmark} in {@code result}.
     *
     * @throws IllegalArgumentException if the suite has no such benchmark or it has no measured iteration
     */
    public static Figure create(RunResult result, String benchmark) {
        return create(PlotData.of(result), benchmark);
    }

    /** The measured rows of {@code benchmark} in a samples table such as {@code r.samples()}. */
    public static Figure create(Table samples, String benchmark) {
        return create(PlotData.of(samples), benchmark);
    }

    static Figure create(PlotData data, String benchmark) {
        data.requireSamples("histogram");
        data.requireBenchmark("histogram", benchmark);
        List<PlotData.Cell> cells = data.cellsOf(benchmark).stream().filter(c -> c.measured().length > 0).toList();
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("histogram(benchmark=\"" + benchmark + "\"): no measured iteration"
                    + " in suite '" + data.suite + "'; see r.problems() for its error");
        }
        List<double[]> all = new ArrayList<>();
        cells.forEach(c -> all.add(c.measured()));
        TimeScale scale = TimeScale.forNanos(PlotData.concat(all));
        String title = data.suite + " / " + benchmark + ": histogram of wall time per operation (measured iterations)";
        PlotFigure.Builder fig = new PlotFigure.Builder(Layouts.builder(title,
                Layouts.axis("wall time (" + scale.perOp() + ")"), Layouts.axis("iterations"))
                .barMode(Layout.BarMode.OVERLAY).showLegend(true).build());
        for (PlotData.Cell c : cells) {
            String name = c.paramKey().isEmpty() ? benchmark : c.paramKey();
            fig.add(HistogramTrace.builder(scale.fromNanos(c.measured())).name(Labels.template(name))
                    .opacity(cells.size() > 1 ? 0.6 : 1.0).build());
        }
        return fig.build();
    }
}
