package dev.benchbook.spec;

import java.time.Duration;

/** Every default of the DSL in one place. Builder methods point here. */
public final class Defaults {
    private Defaults() {}

    /** Warmup iterations before measuring: 5. */
    public static final int WARMUP_ITERATIONS = 5;

    /** Measured iterations: 10. */
    public static final int ITERATIONS = 10;

    /**
     * Target duration of one iteration (one calibrated batch of invocations): 100 ms. Long enough
     * for the timer's resolution and the per-iteration bookkeeping to be negligible, short enough
     * to keep notebook runs interactive.
     */
    public static final Duration ITERATION_TIME = Duration.ofMillis(100);

    /** Time limit for one benchmark at one param combination, setup to teardown: 5 minutes. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** Seed of every context's random source: 42. */
    public static final long SEED = 42L;

    /** Confidence level of the reported intervals: 99.9%, as JMH and BenchmarkDotNet use. */
    public static final double CONFIDENCE = 0.999;
}
