package dev.benchbook.spec;

import java.time.Duration;

/**
 * How a suite is run. All values are validated before a run starts.
 *
 * @param warmupIterations iterations run and discarded before measuring, {@code >= 0}
 * @param iterations measured iterations, {@code >= 1}
 * @param iterationTime target duration of one iteration; the batch size is calibrated to reach it
 * @param timeout limit for one benchmark at one param combination, from setup to teardown
 * @param seed seed of the contexts' random sources
 * @param confidence confidence level of reported intervals, in (0, 1)
 */
public record RunControls(
        int warmupIterations,
        int iterations,
        Duration iterationTime,
        Duration timeout,
        long seed,
        double confidence) {

    /** The defaults of {@link Defaults}. */
    public static RunControls defaults() {
        return new RunControls(Defaults.WARMUP_ITERATIONS, Defaults.ITERATIONS, Defaults.ITERATION_TIME,
                Defaults.TIMEOUT, Defaults.SEED, Defaults.CONFIDENCE);
    }
}
