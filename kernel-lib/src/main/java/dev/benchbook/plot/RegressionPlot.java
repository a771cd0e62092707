package dev.benchbook.plot;

import dev.benchbook.regress.MetricComparison;
import dev.benchbook.regress.RegressionAnalysis;
import dev.benchbook.regress.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.BarTrace;

/**
 * A comparison with a baseline: one horizontal bar per benchmark × params × metric with its change in
 * percent and the interval of that change as whiskers, coloured by verdict (regressions red, improvements
 * green, no change grey, inconclusive amber). Rows that were not compared (changed code, missing, failed,
 * other environment) are left out; the table lists them with their reasons.
 */
public final class RegressionPlot {
    private static final Map<Verdict, String> COLOURS = Map.of(Verdict.REGRESSION, "#dc2626", Verdict.IMPROVEMENT,
            "#16a34a", Verdict.NO_CHANGE, "#9ca3af", Verdict.INCONCLUSIVE, "#f59e0b");

    private RegressionPlot() {}

    /**
     * The figure of {@code a}.
     *
     * @throws IllegalArgumentException if no row was compared
     */
    public static Figure create(RegressionAnalysis a) {
        List<MetricComparison> rows = a.rows().stream()
                .filter(r -> r.status().equals(MetricComparison.COMPARED) && Double.isFinite(r.deltaPct())).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("regressions: no benchmark was compared (" + a.rows().size()
                    + " rows, none with status compared); see report.table()'s status and reason columns");
        }
        String title = a.candidateLabel() + " vs " + a.baselineLabel() + ": change in % (interval at "
                + Layouts.percent(1 - a.config().alpha()) + ")";
        PlotFigure.Builder fig = new PlotFigure.Builder(Layouts.builder(title,
                Layouts.axis("change vs baseline, % (> 0 is larger)"), Layouts.axis("", Axis.Type.CATEGORY))
                .height(Math.max(Layouts.HEIGHT, 120 + 28 * rows.size())).build());
        // room for the longest row label (about 7 px a character at plotly's 12 px font), within reason
        int longest = rows.stream().mapToInt(r -> (r.label() + " · " + r.metric()
                + (r.severity() == null ? "" : " (" + r.severity().label() + ")")).length()).max().orElse(30);
        fig.layout("margin", Map.of("l", Math.max(160, Math.min(560, 7 * longest + 24))));
        for (Verdict v : Verdict.values()) {
            List<String> labels = new ArrayList<>();
            List<Double> x = new ArrayList<>();
            List<Double> plus = new ArrayList<>();
            List<Double> minus = new ArrayList<>();
            for (MetricComparison r : rows) {
                if (r.verdict() != v) {
                    continue;
                }
                labels.add(Labels.data(r.label() + " · " + r.metric()
                        + (r.severity() == null ? "" : " (" + r.severity().label() + ")")));
                x.add(r.deltaPct());
                plus.add(r.ciHighPct() - r.deltaPct());
                minus.add(r.deltaPct() - r.ciLowPct());
            }
            if (labels.isEmpty()) {
                continue;
            }
            int i = fig.add(BarTrace.builder(labels.toArray(), x.stream().mapToDouble(Double::doubleValue).toArray())
                    .orientation(BarTrace.Orientation.HORIZONTAL).name(v.label()).build());
            fig.trace(i, "x", PlotFigure.finite(x.stream().mapToDouble(Double::doubleValue).toArray()));
            fig.trace(i, "y", labels);
            fig.trace(i, "marker", Map.of("color", COLOURS.get(v)));
            fig.trace(i, "error_x", ScalingPlot.errorBars(plus.stream().mapToDouble(Double::doubleValue).toArray(),
                    minus.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return fig.build();
    }
}
