/**
 * The engine: runs a validated {@link dev.benchbook.spec.SuiteSpec} in this JVM and produces a
 * {@link dev.benchbook.result.RunResult}. It calibrates the batch size of an iteration, keeps
 * measurement bookkeeping and output hashing out of the timed region, consumes results into a JMH
 * {@code Blackhole}, and enforces timeouts. The clock and the metric probe are injectable so that
 * the logic can be tested without real time. Never imports Tablesaw.
 */
package dev.benchbook.harness;
