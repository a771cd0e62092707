package dev.benchbook.plot;

import dev.benchbook.result.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * How the mean time per operation grows with a numeric param: one line per benchmark (per benchmark and
 * combination of the other params, when there are several params), points at the means, error bars
 * spanning the Student-t confidence interval of each mean at the suite's level.
 */
public final class ScalingPlot {
    /** Which axes are logarithmic. */
    public enum Scale {
        /** Both axes linear (the default). */
        LINEAR,
        /** Logarithmic param axis. */
        LOG_X,
        /** Logarithmic time axis. */
        LOG_Y,
        /** Both axes logarithmic: a power law n^k shows as a straight line of slope k. */
        LOG_LOG,
        /**
         * LOG_LOG when every param value is positive and they span at least {@value #AUTO_LOG_SPAN}×
         * (sizes such as 10 to 10,000), LINEAR otherwise.
         */
        AUTO
    }

    /** The ratio of the largest to the smallest param value from which {@link Scale#AUTO} goes log-log. */
    public static final double AUTO_LOG_SPAN = 100;

    private ScalingPlot() {}

    /** Means with confidence intervals of {@code result} across numeric param {@code param}, {@link Scale#AUTO} axes. */
    public static Figure create(RunResult result, String param) {
        return create(result, param, Scale.AUTO);
    }

    /**
     * Means with confidence intervals of {@code result} across numeric param {@code param}.
     *
     * @throws IllegalArgumentException if the param does not exist, is not numeric, has a value &lt;= 0
     *     on a log axis, or no run has a measured iteration
     */
    public static Figure create(RunResult result, String param, Scale scale) {
        return create(PlotData.of(result), param, scale);
    }

    /**
     * Means with confidence intervals from a samples table ({@code r.samples()}: intervals at 99.9%) or a
     * summary table ({@code r.summary()}: its own ci_low_ns and ci_high_ns), {@link Scale#AUTO} axes.
     */
    public static Figure create(Table table, String param) {
        return create(table, param, Scale.AUTO);
    }

    /** Means with confidence intervals from a samples or summary table; see {@link #create(Table, String)}. */
    public static Figure create(Table table, String param, Scale scale) {
        return create(PlotData.of(table), param, scale);
    }

    static Figure create(PlotData data, String param, Scale requested) {
        Objects.requireNonNull(requested, "scale");
        String p = data.resolveParam("scaling", param);
        List<Object> nonNumeric = data.cells.stream().map(c -> c.params().get(p))
                .filter(v -> !(v instanceof Number)).distinct().toList();
        if (!nonNumeric.isEmpty()) {
            throw new IllegalArgumentException("scaling(param=\"" + param + "\"): values " + nonNumeric
                    + " are not numbers; the x axis of a scaling plot needs a numeric param;"
                    + " use Plots.distribution(r) to compare categorical params");
        }
        Scale scale = requested;
        if (scale == Scale.AUTO) {
            double[] values = data.cells.stream().mapToDouble(c -> ((Number) c.params().get(p)).doubleValue()).toArray();
            double min = java.util.Arrays.stream(values).min().orElse(0);
            double max = java.util.Arrays.stream(values).max().orElse(0);
            scale = min > 0 && max / min >= AUTO_LOG_SPAN ? Scale.LOG_LOG : Scale.LINEAR;
        }
        final Scale resolved = scale;
        boolean logX = scale == Scale.LOG_X || scale == Scale.LOG_LOG;
        if (logX) {
            data.cells.stream().map(c -> ((Number) c.params().get(p)).doubleValue()).filter(v -> !(v > 0))
                    .findFirst().ifPresent(v -> {
                        throw new IllegalArgumentException("scaling(param=\"" + param + "\", scale=" + resolved
                                + "): value " + v + " is not > 0; a log axis needs positive values; use Scale.LINEAR"
                                + " or Scale.LOG_Y");
                    });
        }
        List<PlotData.Cell> cells = data.cells.stream().filter(PlotData.Cell::hasMean).toList();
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("scaling: suite '" + data.suite + "' has no measured iterations;"
                    + " every run failed or was warmup only; see r.problems() and run again");
        }
        Map<String, List<PlotData.Cell>> lines = new LinkedHashMap<>();
        for (PlotData.Cell c : cells) {
            String others = c.params().entrySet().stream().filter(e -> !e.getKey().equals(p))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            lines.computeIfAbsent(c.benchmark() + (others.isEmpty() ? "" : " [" + others + "]"), k -> new ArrayList<>())
                    .add(c);
        }
        TimeScale unit = TimeScale.forNanos(cells.stream().mapToDouble(c -> c.mean().point()).toArray());
        boolean logY = scale == Scale.LOG_Y || scale == Scale.LOG_LOG;
        String title = data.suite + ": mean time per operation vs " + param + " ("
                + Layouts.percent(data.level) + " confidence intervals)";
        PlotFigure.Builder fig = new PlotFigure.Builder(Layouts.builder(title,
                Layouts.axis(param + (logX ? " (log scale)" : ""), logX ? Axis.Type.LOG : Axis.Type.LINEAR),
                Layouts.axis("mean wall time (" + unit.perOp() + ")" + (logY ? ", log scale" : ""),
                        logY ? Axis.Type.LOG : Axis.Type.LINEAR)).build());
        for (var line : lines.entrySet()) {
            List<PlotData.Cell> points = new ArrayList<>(line.getValue());
            points.sort(Comparator.comparingDouble(c -> ((Number) c.params().get(p)).doubleValue()));
            double[] x = points.stream().mapToDouble(c -> ((Number) c.params().get(p)).doubleValue()).toArray();
            double[] y = points.stream().mapToDouble(c -> unit.fromNanos(c.mean().point())).toArray();
            double[] plus = points.stream().mapToDouble(c -> unit.fromNanos(c.mean().high() - c.mean().point()))
                    .toArray();
            double[] minus = points.stream().mapToDouble(c -> unit.fromNanos(c.mean().point() - c.mean().low()))
                    .toArray();
            int i = fig.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .name(Labels.template(line.getKey())).build());
            fig.trace(i, "error_y", errorBars(plus, minus));
        }
        return fig.build();
    }

    /** Plotly's asymmetric error bars; NaN bounds (fewer than two iterations) draw no bar. */
    static Map<String, Object> errorBars(double[] plus, double[] minus) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "data");
        e.put("symmetric", false);
        e.put("array", PlotFigure.finite(plus));
        e.put("arrayminus", PlotFigure.finite(minus));
        e.put("visible", true);
        return e;
    }
}
