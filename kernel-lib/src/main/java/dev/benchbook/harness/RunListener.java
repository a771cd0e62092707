package dev.benchbook.harness;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.spec.ParamSet;

/**
 * Hears about a run as it progresses, for progress displays. Every hook defaults to doing nothing;
 * hooks run on the measuring thread between iterations, outside the timed region, and must be quick.
 */
public interface RunListener {
    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {};

    /** A short name, e.g. {@code console-progress}. */
    default String id() {
        return getClass().getSimpleName();
    }

    /** A benchmark at a param combination starts; {@code plannedIterations} counts warmup too. */
    default void onBenchmarkStart(String benchmark, ParamSet params, int plannedIterations) {}

    /** One iteration finished. */
    default void onIteration(String benchmark, ParamSet params, IterationSample sample) {}

    /** A benchmark at a param combination ended, successfully or not. */
    default void onBenchmarkEnd(BenchmarkRun run) {}
}
