package dev.benchbook.report;

import dev.benchbook.plot.DistributionPlot;
import dev.benchbook.plot.RatioPlot;
import dev.benchbook.plot.ScalingPlot;
import dev.benchbook.plot.TimelinePlot;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tech.tablesaw.plotly.components.Figure;

/**
 * Which plots a report shows, in order: the distribution; a timeline per benchmark; a scaling plot per
 * numeric param with at least two values (log-log when the param spans a factor of 100 or more); the
 * ratio to the first benchmark when at least two benchmarks have measurements.
 */
final class ReportPlots {
    /** The factor between a param's largest and smallest value from which its scaling plot is log-log. */
    static final double LOG_SPAN = 100;

    /**
     * One plot of a report: a heading and either a figure or, when it cannot be drawn, the reason.
     *
     * @param heading the plot's heading
     * @param figure the figure, or {@code null}
     * @param note why there is no figure, or {@code null}
     */
    record Entry(String heading, Figure figure, String note) {}

    private ReportPlots() {}

    static List<Entry> select(RunResult r) {
        List<Entry> out = new ArrayList<>();
        out.add(entry("Distribution of wall time per operation", () -> DistributionPlot.create(r)));
        List<String> withSamples = r.suite().benchmarks().stream()
                .filter(b -> r.runsOf(b).stream().anyMatch(run -> !run.samples().isEmpty())).toList();
        for (String b : withSamples) {
            out.add(entry("Timeline: " + b, () -> TimelinePlot.create(r, b)));
        }
        for (ParamSpec p : r.suite().params()) {
            boolean numeric = p.values().stream().allMatch(v -> v instanceof Number);
            if (numeric && p.values().size() >= 2) {
                double min = p.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
                double max = p.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
                ScalingPlot.Scale scale = min > 0 && max / min >= LOG_SPAN ? ScalingPlot.Scale.LOG_LOG
                        : ScalingPlot.Scale.LINEAR;
                String heading = "Scaling with " + p.name()
                        + (scale == ScalingPlot.Scale.LOG_LOG ? " (log-log axes)" : "");
                out.add(entry(heading, () -> ScalingPlot.create(r, p.name(), scale)));
            }
        }
        List<String> measured = r.suite().benchmarks().stream()
                .filter(b -> r.runsOf(b).stream().mapToInt(ReportPlots::measuredCount).sum() > 0).toList();
        if (measured.size() >= 2) {
            out.add(entry("Ratio to " + measured.get(0), () -> RatioPlot.create(r, measured.get(0))));
        }
        return out;
    }

    private static int measuredCount(BenchmarkRun run) {
        return run.measured().size();
    }

    private static Entry entry(String heading, Supplier<Figure> figure) {
        try {
            return new Entry(heading, figure.get(), null);
        } catch (IllegalArgumentException e) {
            return new Entry(heading, null, "Not plotted: " + e.getMessage());
        }
    }
}
