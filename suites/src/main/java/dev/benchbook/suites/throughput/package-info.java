/**
 * Rates derived from a run's measured time per operation, such as MB/s or transactions per second, with the
 * interval the mean time's confidence interval gives: {@link dev.benchbook.suites.throughput.Throughput}.
 * Nothing is measured again.
 */
package dev.benchbook.suites.throughput;
