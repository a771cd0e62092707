package dev.benchbook.spec;

import java.time.Duration;

/** Every default of the DSL in one place. Builder methods point here. */
public final class Defaults {
    private Defaults() {}

    /**
     * Warmup iterations before measuring: at least 5. By default warmup is adaptive and goes on until
     * the last {@link #WARMUP_WINDOW} iterations are steady and the JIT finished no compilation
     * during the last {@link #JIT_QUIET_ITERATIONS}; an explicit {@code warmup(n)} makes it exactly n.
     */
    public static final int WARMUP_ITERATIONS = 5;

    /**
     * Most iterations of an adaptive warmup: 50 (5 s at the default iteration time). A benchmark that
     * is still not steady then is measured anyway, and its summary says so ({@code warmup_steady}).
     */
    public static final int MAX_WARMUP_ITERATIONS = 50;

    /** Trailing warmup iterations tested for a steady state: 10, the halves of 5 compared. */
    public static final int WARMUP_WINDOW = 10;

    /** Trailing warmup iterations during which the JIT must have finished no compilation: 3. */
    public static final int JIT_QUIET_ITERATIONS = 3;

    /**
     * Fewest measured iterations of an adaptive run: 5. An explicit {@code iterations(n)} fixes the
     * count instead.
     */
    public static final int MIN_ITERATIONS = 5;

    /** Most measured iterations of an adaptive run: 200. */
    public static final int MAX_ITERATIONS = 200;

    /** Longest measuring phase of an adaptive run, per benchmark and param combination: 10 s. */
    public static final Duration MAX_TIME = Duration.ofSeconds(10);

    /**
     * Precision target: the confidence interval's half-width at most 2% of the mean. An adaptive
     * run measures until it is met or a cap is reached; a fixed run reports whether it was met.
     */
    public static final double TARGET_PRECISION = 0.02;

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

    /**
     * Largest coefficient of variation of the per-iteration times before a {@code TimingVariance}
     * finding: 10%. A JVM on a shared machine cannot promise the 1% that bare metal might.
     */
    public static final double MAX_TIMING_CV = 0.10;

    /**
     * Largest spread of allocated bytes per operation across measured iterations, relative to the
     * mean, before a {@code MemoryVariance} finding: 5% (and at least one byte per operation).
     */
    public static final double ALLOC_TOLERANCE = 0.05;

    /** Confidence level of the reported intervals: 99.9%, as JMH and BenchmarkDotNet use. */
    public static final double CONFIDENCE = 0.999;
}
