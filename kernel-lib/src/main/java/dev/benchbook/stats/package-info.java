/**
 * Pure statistics over {@code double[]}: descriptive summaries and confidence intervals, returning
 * our own records such as {@link dev.benchbook.stats.Estimate}. No I/O, no Tablesaw; commons-math3
 * stays behind this package. Every interval carries its confidence level explicitly.
 */
package dev.benchbook.stats;
