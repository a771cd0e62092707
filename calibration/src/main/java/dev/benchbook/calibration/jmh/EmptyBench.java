package dev.benchbook.calibration.jmh;

import org.openjdk.jmh.annotations.Benchmark;

/** JMH's own harness overhead: a benchmark that does nothing and returns nothing. */
public class EmptyBench {
    @Benchmark
    public void empty() {
        // Intentionally empty: the score is the cost of JMH's measurement loop.
    }
}
