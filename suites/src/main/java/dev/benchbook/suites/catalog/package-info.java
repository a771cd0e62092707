/**
 * The catalog of the compiled suites: {@link dev.benchbook.suites.catalog.SuiteGroup}s found through
 * ServiceLoader and suites by short name, for notebooks and for {@code benchbook run --suite}.
 */
package dev.benchbook.suites.catalog;
