/**
 * The comparison and its outputs: pure functions that combine each tool's rounds and compare the
 * tools ({@link dev.benchbook.calibration.report.Comparison}), the targets, and the renderings of one
 * {@link dev.benchbook.calibration.report.CalibrationReport} as text, Markdown and CSV. Nothing here
 * measures, and nothing here depends on JMH or on the Benchbook harness.
 */
package dev.benchbook.calibration.report;
