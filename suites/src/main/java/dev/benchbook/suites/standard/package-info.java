/**
 * The standard suites: sorting, hash maps, strings, matrices, JSON, simulated network I/O,
 * compression and concurrent data structures, each a compiled {@link dev.benchbook.spec.SuiteFactory}.
 */
package dev.benchbook.suites.standard;
