/**
 * The immutable hand-off object of a run: {@link dev.benchbook.result.RunResult}, its per-benchmark
 * {@link dev.benchbook.result.BenchmarkRun}s and their raw {@link
 * dev.benchbook.result.IterationSample}s, plus the environment it ran in. The harness writes these;
 * tables, plots, reports and baselines read them and never re-measure. No Tablesaw here.
 */
package dev.benchbook.result;
