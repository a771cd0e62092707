/**
 * The external-process runner: benchmarks that are programs ({@link dev.benchbook.spec.Command}),
 * run as real processes, one per iteration, timed from start to exit, their standard output hashed.
 */
package dev.benchbook.process;
