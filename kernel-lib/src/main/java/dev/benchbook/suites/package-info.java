/**
 * Benchbook's own compiled suites, built by {@link dev.benchbook.SuiteFactory}s so that they can
 * also run in forked JVMs: {@code Bench.suite(SortingSuite.class).forks(3).run()}.
 */
package dev.benchbook.suites;
