/**
 * Reports of a finished run, each from the immutable {@link dev.benchbook.result.RunResult} plus an
 * optional findings table, never re-measuring: {@link dev.benchbook.report.HtmlReport} (one
 * self-contained, offline HTML file with the environment, the suite definition, the summary table,
 * the findings and the plots), {@link dev.benchbook.report.MarkdownReport} (a summary for a pull
 * request comment or a CI job summary), {@link dev.benchbook.report.JsonReport} (the same content as
 * JSON) and {@link dev.benchbook.report.CsvReport} (the tables as CSV). Every file is written
 * atomically: a reader sees the old file or the whole new one.
 */
package dev.benchbook.report;
