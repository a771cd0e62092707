/**
 * Cross-language comparisons: one workload's implementations in several languages, built untimed and cached
 * ({@link dev.benchbook.xlang.BuildCache}), checked against the reference's output at a small and at the timed
 * size ({@link dev.benchbook.xlang.Validation}), and timed as real processes in seeded, shuffled rounds (or
 * back to back, {@link dev.benchbook.xlang.Order}), each run measured for its child alone ({@link
 * dev.benchbook.xlang.ComparisonRunner}). {@link
 * dev.benchbook.xlang.LanguageSuite} is the builder behind {@code Bench.languages}; {@link
 * dev.benchbook.xlang.ComparisonResult} holds the figures and defines them; {@link dev.benchbook.xlang.Callgrind}
 * counts instructions under valgrind.
 */
package dev.benchbook.xlang;
