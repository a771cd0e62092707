/**
 * Plots of a finished run as tablesaw-jsplot {@link tech.tablesaw.plotly.components.Figure}s, and the
 * HTML that shows them offline. {@link dev.benchbook.plot.Plots} is the one-import facade; behind it is
 * one factory class per chart kind ({@link dev.benchbook.plot.DistributionPlot}, {@link
 * dev.benchbook.plot.ScalingPlot}, {@link dev.benchbook.plot.TimelinePlot}, {@link
 * dev.benchbook.plot.HistogramPlot}, {@link dev.benchbook.plot.RatioPlot}, {@link
 * dev.benchbook.plot.HistoryPlot}), each drawing from the immutable {@link
 * dev.benchbook.result.RunResult} or a result table and never re-measuring. {@link
 * dev.benchbook.plot.FigureHtml} and {@link dev.benchbook.plot.PlotlyEmbedder} turn figures into HTML
 * with the plotly.js bundled in this jar, so nothing is fetched from the network. Every user-supplied
 * string (suite, benchmark and param names and values) is escaped before it reaches JavaScript or HTML.
 */
package dev.benchbook.plot;
