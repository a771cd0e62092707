package dev.benchbook.spec;

/**
 * One declared benchmark.
 *
 * @param name unique within its suite
 * @param body the code to measure, stateless benchmarks adapted to ignore the state
 * @param stateful whether the body reads the setup's state
 */
public record BenchmarkSpec(String name, StatefulBenchmark<Object> body, boolean stateful) {}
