/**
 * The history store: every run ever recorded, whole (the run file) and taken apart (raw values per
 * iteration and fork, and each run's estimate per benchmark, params and metric), so that a series
 * over commits can be read, its change points found and its run-to-run noise measured. Embedded
 * SQLite by default, PostgreSQL for teams, one schema for both kept by Flyway migrations. The JDBC
 * drivers and Flyway stay behind this package; it hands out {@code RunResult}s and Tablesaw tables.
 */
package dev.benchbook.history;
