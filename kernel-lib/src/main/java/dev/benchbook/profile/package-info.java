/**
 * Profiles of benchmark runs: the recordings a profiled run keeps as artifacts (JDK Flight Recorder's,
 * and async-profiler's JFR output), read with {@code jdk.jfr.consumer}, filtered to the benchmark's own
 * threads and trimmed of the harness's frames, and turned into Tablesaw tables (hot methods, allocation
 * sites, pauses) and interactive, offline flame graphs (plain and diff). {@link dev.benchbook.profile.Profiler} says
 * which profilers this machine has, and why not.
 */
package dev.benchbook.profile;
