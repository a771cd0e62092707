package dev.benchbook.plot;

import dev.benchbook.result.RunResultSource;
import dev.benchbook.result.RunResult;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * One import for every plot of a run. Each method draws from the finished result (never re-measuring)
 * and returns a tablesaw {@link Figure} that a notebook shows inline and {@link FigureHtml} turns into
 * offline HTML. Times are wall time per operation in ns/op, µs/op, ms/op or s/op, chosen from their
 * magnitude; intervals are Student-t intervals of the mean at the suite's confidence level (99.9%
 * for tables, which do not carry it). Every method throws {@link IllegalArgumentException} naming the
 * argument, its value and the fix when it cannot draw.
 *
 * <pre>{@code
 * Plots.distribution(r)              // box per benchmark per param combination
 * Plots.scaling(r, "size")           // means with CIs across a numeric param
 * Plots.scaling(r, "size", ScalingPlot.Scale.LOG_LOG)
 * Plots.timeline(r, "arrays.sort")   // every iteration in order, warmup marked
 * Plots.histogram(r, "arrays.sort")
 * Plots.ratio(r, "arrays.sort")      // each mean over the baseline's, with CIs
 * Plots.history(historyTable, "commit", "mean_ns")
 * }</pre>
 */
public final class Plots {
    private Plots() {}

    /** Box plots of measured wall time per operation; see {@link DistributionPlot}. */
    public static Figure distribution(RunResultSource r) {
        return DistributionPlot.create(r.result());
    }

    /** Box plots of measured wall time per operation; see {@link DistributionPlot}. */
    public static Figure distribution(RunResult r) {
        return DistributionPlot.create(r);
    }

    /** Box or violin plots of measured wall time per operation; see {@link DistributionPlot}. */
    public static Figure distribution(RunResultSource r, DistributionPlot.Kind kind) {
        return DistributionPlot.create(r.result(), kind);
    }

    /** Box or violin plots of measured wall time per operation; see {@link DistributionPlot}. */
    public static Figure distribution(RunResult r, DistributionPlot.Kind kind) {
        return DistributionPlot.create(r, kind);
    }

    /** Box plots from a samples table such as {@code r.samples()}; see {@link DistributionPlot#create(Table)}. */
    public static Figure distribution(Table samples) {
        return DistributionPlot.create(samples);
    }

    /** Means with CI error bars across numeric param {@code param}, linear axes; see {@link ScalingPlot}. */
    public static Figure scaling(RunResultSource r, String param) {
        return ScalingPlot.create(r.result(), param);
    }

    /** Means with CI error bars across numeric param {@code param}, linear axes; see {@link ScalingPlot}. */
    public static Figure scaling(RunResult r, String param) {
        return ScalingPlot.create(r, param);
    }

    /** Means with CI error bars across {@code param}, with log axes as {@code scale} says. */
    public static Figure scaling(RunResultSource r, String param, ScalingPlot.Scale scale) {
        return ScalingPlot.create(r.result(), param, scale);
    }

    /** Means with CI error bars across {@code param}, with log axes as {@code scale} says. */
    public static Figure scaling(RunResult r, String param, ScalingPlot.Scale scale) {
        return ScalingPlot.create(r, param, scale);
    }

    /** Means with CI error bars from a samples or summary table; see {@link ScalingPlot#create(Table, String)}. */
    public static Figure scaling(Table table, String param) {
        return ScalingPlot.create(table, param);
    }

    /** Every iteration of {@code benchmark} in run order, warmup marked; see {@link TimelinePlot}. */
    public static Figure timeline(RunResultSource r, String benchmark) {
        return TimelinePlot.create(r.result(), benchmark);
    }

    /** Every iteration of {@code benchmark} in run order, warmup marked; see {@link TimelinePlot}. */
    public static Figure timeline(RunResult r, String benchmark) {
        return TimelinePlot.create(r, benchmark);
    }

    /** Every row of {@code benchmark} in a samples table, in order; see {@link TimelinePlot}. */
    public static Figure timeline(Table samples, String benchmark) {
        return TimelinePlot.create(samples, benchmark);
    }

    /** Histogram of the measured iterations of {@code benchmark}; see {@link HistogramPlot}. */
    public static Figure histogram(RunResultSource r, String benchmark) {
        return HistogramPlot.create(r.result(), benchmark);
    }

    /** Histogram of the measured iterations of {@code benchmark}; see {@link HistogramPlot}. */
    public static Figure histogram(RunResult r, String benchmark) {
        return HistogramPlot.create(r, benchmark);
    }

    /** Histogram of the measured rows of {@code benchmark} in a samples table; see {@link HistogramPlot}. */
    public static Figure histogram(Table samples, String benchmark) {
        return HistogramPlot.create(samples, benchmark);
    }

    /** Each benchmark's mean over {@code baseline}'s, with CIs; see {@link RatioPlot}. */
    public static Figure ratio(RunResultSource r, String baseline) {
        return RatioPlot.create(r.result(), baseline);
    }

    /** Each benchmark's mean over {@code baseline}'s, with CIs; see {@link RatioPlot}. */
    public static Figure ratio(RunResult r, String baseline) {
        return RatioPlot.create(r, baseline);
    }

    /** Each benchmark's mean over {@code baseline}'s from a samples or summary table; see {@link RatioPlot}. */
    public static Figure ratio(Table table, String baseline) {
        return RatioPlot.create(table, baseline);
    }

    /**
     * A metric over commits or time, one line per benchmark when {@code history} has a benchmark column;
     * see {@link HistoryPlot}.
     */
    public static Figure history(Table history, String commitOrTimeColumn, String valueColumn) {
        return HistoryPlot.create(history, commitOrTimeColumn, valueColumn);
    }

    /**
     * A comparison with a baseline: each row's change with its interval, coloured by verdict; see {@link
     * RegressionPlot}.
     */
    public static Figure regressions(dev.benchbook.regress.RegressionSource report) {
        return RegressionPlot.create(report.analysis());
    }

    /**
     * A cross-language comparison's time ratios against its reference, with bootstrap whiskers; see {@link
     * LanguageRatioPlot}.
     */
    public static Figure ratio(dev.benchbook.xlang.LanguageComparisonSource cmp, String reference) {
        return LanguageRatioPlot.create(cmp.comparison(), reference, LanguageRatioPlot.Kind.TIME);
    }

    /** A cross-language comparison's memory ratios (median peak RSS over the reference's). */
    public static Figure memoryRatio(dev.benchbook.xlang.LanguageComparisonSource cmp, String reference) {
        return LanguageRatioPlot.create(cmp.comparison(), reference, LanguageRatioPlot.Kind.MEMORY);
    }

    /** A cross-language comparison's instruction-count ratios; needs {@code .instructions()}. */
    public static Figure instructionRatio(dev.benchbook.xlang.LanguageComparisonSource cmp, String reference) {
        return LanguageRatioPlot.create(cmp.comparison(), reference, LanguageRatioPlot.Kind.INSTRUCTIONS);
    }
}
