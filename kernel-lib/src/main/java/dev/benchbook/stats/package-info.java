/**
 * Pure statistics over {@code double[]}, returning our own records: descriptive summaries
 * ({@link dev.benchbook.stats.Descriptive}), t and BCa bootstrap intervals for the mean
 * ({@link dev.benchbook.stats.ConfidenceIntervals}), Tukey outliers that are flagged but never dropped
 * ({@link dev.benchbook.stats.Outliers}), warmup detection ({@link dev.benchbook.stats.SteadyState}),
 * baseline-versus-candidate tests and effect sizes ({@link dev.benchbook.stats.Comparison}) and the
 * precision rule for adaptive stopping ({@link dev.benchbook.stats.Precision}). No I/O, no Tablesaw;
 * commons-math3 stays behind this package. Every interval carries its confidence level explicitly,
 * and every bootstrap takes an explicit seed, so the same input always gives the same answer.
 */
package dev.benchbook.stats;
