/**
 * The external-process runner: benchmarks that are programs ({@link dev.benchbook.spec.Command}),
 * run as real processes, one per iteration, their standard output hashed. Each run goes through a
 * tiny native runner built on first use from C source ({@code benchbook-rusage.c}) with the
 * machine's C compiler, which times it from fork to exit and gives its own user and system time and
 * peak resident set; without a compiler the JVM times each run from start to exit and those metrics
 * are listed unsupported with the reason.
 */
package dev.benchbook.process;
