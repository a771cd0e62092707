/**
 * The {@code benchbook} command line (picocli): one class per command ({@code run}, {@code check}, {@code ab},
 * {@code compare}, {@code baseline}, {@code history}, {@code import-jmh}, {@code report}, {@code notebook}), the
 * documented {@link dev.benchbook.cli.ExitCodes}, how a suite is found on a classpath ({@link
 * dev.benchbook.cli.SuiteLoader}), the outputs a comparison writes ({@link dev.benchbook.cli.ComparisonOutputs}),
 * the webhook alert ({@link dev.benchbook.cli.Webhook}) and the one door to the history store ({@link
 * dev.benchbook.cli.HistoryAccess}). It only uses the library's public API; nothing in the library depends on it.
 */
package dev.benchbook.cli;
