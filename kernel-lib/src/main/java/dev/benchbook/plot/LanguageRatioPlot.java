package dev.benchbook.plot;

import dev.benchbook.xlang.ComparisonResult;
import dev.benchbook.xlang.ImplementationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.BarTrace;

/**
 * A cross-language comparison as bars: each validated implementation's mean wall time over the reference's,
 * with the bootstrap interval as whiskers ({@link Kind#TIME}), or its median peak RSS over the reference's
 * ({@link Kind#MEMORY}), or its instruction count over the reference's ({@link Kind#INSTRUCTIONS}).
 * Implementations without a ratio (invalid, failed, or not counted) get no bar. The axis turns
 * logarithmic when the ratios span {@link ScalingPlot#AUTO_LOG_SPAN} or more, as interpreted languages are
 * often tens of times slower than compiled ones.
 */
public final class LanguageRatioPlot {
    /** What the bars show. */
    public enum Kind {
        /** Mean wall time over the reference's, with whiskers. */
        TIME,
        /** Median peak RSS over the reference's. */
        MEMORY,
        /** Instructions over the reference's. */
        INSTRUCTIONS
    }

    private LanguageRatioPlot() {}

    /**
     * The plot of {@code c} against {@code reference}, which must be the comparison's reference (ratios are
     * computed against it when the comparison runs).
     *
     * @throws IllegalArgumentException if {@code reference} is not the comparison's reference, or nothing
     *     has a ratio
     */
    public static Figure create(ComparisonResult c, String reference, Kind kind) {
        if (!c.reference().equals(reference)) {
            throw new IllegalArgumentException("ratio(cmp, \"" + reference + "\"): the comparison's ratios are"
                    + " relative to its reference \"" + c.reference() + "\"; pass \"" + c.reference()
                    + "\", or run the comparison again with .reference(\"" + reference + "\")");
        }
        List<Object> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> plus = new ArrayList<>();
        List<Double> minus = new ArrayList<>();
        Function<ImplementationResult, Double> instr = r -> r.counts() == null ? Double.NaN
                : (double) r.counts().instructions();
        double refInstr = instr.apply(c.implementation(reference));
        for (ImplementationResult r : c.implementations()) {
            ComparisonResult.Figures f = c.figures(r.name());
            double point;
            double hi = Double.NaN;
            double lo = Double.NaN;
            switch (kind) {
                case TIME -> {
                    point = f.ratio().point();
                    hi = f.ratio().high();
                    lo = f.ratio().low();
                }
                case MEMORY -> point = f.memoryRatio();
                default -> point = r.ok() && refInstr > 0 ? instr.apply(r) / refInstr : Double.NaN;
            }
            if (!(point > 0) || !Double.isFinite(point)) {
                continue;
            }
            x.add(Labels.data(r.name()));
            y.add(point);
            plus.add(Double.isFinite(hi) ? hi - point : 0);
            minus.add(Double.isFinite(lo) ? point - lo : 0);
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("ratio(cmp, \"" + reference + "\"): no implementation of "
                    + c.workload() + " has a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " ratio; see cmp.problems()");
        }
        double min = y.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = y.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        boolean logY = max / Math.min(min, 1) >= ScalingPlot.AUTO_LOG_SPAN;
        String what = switch (kind) {
            case TIME -> "mean wall time";
            case MEMORY -> "median peak RSS";
            case INSTRUCTIONS -> "instructions";
        };
        String title = c.workload() + ": " + what + " relative to " + reference
                + (kind == Kind.TIME ? " (" + Math.round(c.level() * 100) + "% bootstrap intervals)" : "");
        PlotFigure.Builder fig = new PlotFigure.Builder(Layouts.builder(title,
                Layouts.axis("implementation", Axis.Type.CATEGORY),
                Layouts.axis(what + " / " + reference + "'s (> 1 is " + (kind == Kind.TIME ? "slower" : "more")
                        + (logY ? ", log scale)" : ")"), logY ? Axis.Type.LOG : Axis.Type.LINEAR))
                .showLegend(false).build());
        int i = fig.add(BarTrace.builder(x.toArray(), y.stream().mapToDouble(Double::doubleValue).toArray())
                .name(Labels.template(what + " ratio")).build());
        if (kind == Kind.TIME) {
            fig.trace(i, "error_y", ScalingPlot.errorBars(plus.stream().mapToDouble(Double::doubleValue).toArray(),
                    minus.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return fig.build();
    }
}
