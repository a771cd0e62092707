/**
 * The workloads themselves: plain static methods and the seeded state they work on, with no
 * dependency on either tool. The JMH {@code @Benchmark} methods and the Benchbook lambdas both call
 * these and nothing else, and both build their state through the same factories from {@link
 * dev.benchbook.calibration.workload.Seeds}, so the two tools time identical code on identical data.
 */
package dev.benchbook.calibration.workload;
