/**
 * What can be measured: {@link dev.benchbook.metric.Metric} describes a metric once (id, unit,
 * direction, scope, aggregate), {@link dev.benchbook.metric.Metrics} holds the built-in ones, and
 * {@link dev.benchbook.metric.MetricSource} is the extension point that reads counters around each
 * timed batch without allocating. {@link dev.benchbook.metric.HardwareCounters} says why cycles,
 * instructions and cache misses cannot be read in-process. The lowest room: it depends on nothing.
 */
package dev.benchbook.metric;
