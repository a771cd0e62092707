/**
 * Interoperability with JMH's JSON result format ({@code -rf json}): {@link dev.benchbook.jmh.JmhJson}
 * reads a JMH result file into a {@link dev.benchbook.result.RunResult}, so that JMH runs get the same
 * tables, plots and baselines as Benchbook runs, and writes a run result back out in the same format,
 * so that JMH tooling (visualizers, CI dashboards) can show Benchbook runs. Times are converted to
 * nanoseconds per operation on the way in and written as {@code avgt} in {@code ns/op} on the way
 * out. Everything here depends only on {@code result}, {@code spec}, {@code stats} and Jackson; a bad
 * file is reported by a {@link dev.benchbook.jmh.JmhFormatException} that names the file, the JSON
 * path, the value, the rule and the fix.
 */
package dev.benchbook.jmh;
