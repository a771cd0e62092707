/**
 * The {@code real-world} group: every real-world area's suites in one group, for {@code benchbook run --suite
 * real-world} and notebooks.
 */
package dev.benchbook.suites.realworld;
