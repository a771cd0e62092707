/**
 * What a user declares: the immutable description of a benchmark suite (its benchmarks, params and
 * run controls), the functional interfaces that user code implements, the {@link
 * dev.benchbook.spec.BenchContext} handed to that code, and the validation rules with their error
 * messages. Nothing here measures anything; the harness consumes these records.
 */
package dev.benchbook.spec;
