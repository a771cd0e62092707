/**
 * Judgements over a finished {@link dev.benchbook.result.RunResult}: the named findings of the
 * determinism checks ({@link dev.benchbook.analysis.NonDeterministicOutput}, {@link
 * dev.benchbook.analysis.TimingVariance}, {@link dev.benchbook.analysis.MemoryVariance}) and of the
 * user's expected bounds ({@link dev.benchbook.analysis.ExpectationViolated}), each carrying its
 * numbers. Reads results and statistics; never measures, never imports Tablesaw.
 */
package dev.benchbook.analysis;
