/**
 * The one entry point of Benchbook: {@link dev.benchbook.Bench} starts a {@link
 * dev.benchbook.Suite}, whose {@code run()} returns {@link dev.benchbook.Results}, the tables,
 * plots, findings, comparisons and reports of a run. {@link dev.benchbook.Expect} states expected
 * bounds and {@link dev.benchbook.SuiteFactory} makes a compiled suite forkable. This facade
 * depends on the other packages; only a fork's entry point uses it back, to build a suite from its
 * factory.
 */
package dev.benchbook;
