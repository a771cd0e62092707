/**
 * The one execution pipeline: {@link dev.benchbook.engine.SuiteRunner} loops over param combinations
 * and benchmarks, captures the environment and git state when the run starts, emits the {@link
 * dev.benchbook.engine.RunListener} events, and hands each benchmark to the first {@link
 * dev.benchbook.engine.Runner} that supports it (in-process, forked JVM, external process). Runners
 * measure; nothing here measures. No Tablesaw.
 */
package dev.benchbook.engine;
