package dev.benchbook.plot;

import dev.benchbook.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Wall time per operation of every iteration of one benchmark, in the order they ran: one line per
 * param combination, warmup iterations drawn as open circles and measured ones as filled circles, so
 * that a warmup too short to reach the steady state shows as a trend past the last open circle. The
 * time axis is logarithmic when the param combinations' medians span a factor of 100 or more.
 */
public final class TimelinePlot {
    /** Marker of a warmup iteration. */
    static final String WARMUP_SYMBOL = "circle-open";
    /** Marker of a measured iteration. */
    static final String MEASURED_SYMBOL = "circle";

    private TimelinePlot() {}

    /**
     * Every iteration of {@code benchmark} in {@code result}, warmup included.
     *
     * @throws IllegalArgumentException if the suite has no such benchmark or it has no iterations
     */
    public static Figure create(RunResult result, String benchmark) {
        return create(PlotData.of(result), benchmark);
    }

    /**
     * Every row of {@code benchmark} in a samples table such as {@code r.samples()}: columns benchmark,
     * wall_ns, and optionally iteration and warmup (without them, rows are iterations in order,
     * all measured).
     */
    public static Figure create(Table samples, String benchmark) {
        return create(PlotData.of(samples), benchmark);
    }

    static Figure create(PlotData data, String benchmark) {
        data.requireSamples("timeline");
        data.requireBenchmark("timeline", benchmark);
        List<PlotData.Cell> cells = data.cellsOf(benchmark).stream().filter(c -> c.wallNs().length > 0).toList();
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("timeline(benchmark=\"" + benchmark + "\"): no iteration completed"
                    + " in suite '" + data.suite + "'; see r.problems() for its error");
        }
        List<double[]> all = new ArrayList<>();
        cells.forEach(c -> all.add(c.wallNs()));
        TimeScale scale = TimeScale.forNanos(PlotData.concat(all));
        boolean anyWarmup = cells.stream().anyMatch(c -> {
            for (boolean w : c.warmup()) {
                if (w) {
                    return true;
                }
            }
            return false;
        });
        String title = data.suite + " / " + benchmark + ": wall time per iteration"
                + (anyWarmup ? " (open circles: warmup)" : "");
        PlotFigure.Builder fig = new PlotFigure.Builder(Layouts.builder(title,
                Layouts.axis("iteration (in run order" + (anyWarmup ? ", warmup first" : "") + ")"),
                Layouts.timeAxis("wall time", scale, Layouts.logTime(all))).showLegend(true).build());
        for (PlotData.Cell c : cells) {
            int n = c.wallNs().length;
            double[] x = new double[n];
            String[] text = new String[n];
            List<String> symbols = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                x[i] = c.iterations()[i];
                text[i] = c.warmup()[i] ? "warmup" : "measured";
                symbols.add(c.warmup()[i] ? WARMUP_SYMBOL : MEASURED_SYMBOL);
            }
            String name = c.paramKey().isEmpty() ? benchmark : c.paramKey();
            int index = fig.add(ScatterTrace.builder(x, scale.fromNanos(c.wallNs()))
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS).text(text).name(Labels.template(name)).build());
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put("symbol", symbols);
            marker.put("size", 8);
            fig.trace(index, "marker", marker);
        }
        return fig.build();
    }
}
