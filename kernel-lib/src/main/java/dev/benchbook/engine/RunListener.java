package dev.benchbook.engine;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteDescriptor;

/**
 * Hears about a run as it progresses, for progress displays and stores. Every hook defaults to doing
 * nothing. Iteration hooks run between iterations, outside the timed region, on the measuring thread
 * of an in-process run or on the thread that reads a fork's stream; they must be quick.
 */
public interface RunListener {
    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {};

    /** A short name, e.g. {@code console-progress}. */
    default String id() {
        return getClass().getSimpleName();
    }

    /** The suite starts: every benchmark × param combination will follow. */
    default void onSuiteStart(SuiteDescriptor suite) {}

    /** A benchmark at a param combination starts; {@code plannedIterations} counts warmup too. */
    default void onBenchmarkStart(String benchmark, ParamSet params, int plannedIterations) {}

    /**
     * Warmup is over and the measured iterations start now, on the measuring thread; counters that
     * can only be switched on and off (perf's) are switched on here.
     */
    default void onMeasurementStart(String benchmark, ParamSet params) {}

    /** The last measured iteration ended (or measuring was cut short by a failure); see {@link #onMeasurementStart}. */
    default void onMeasurementEnd(String benchmark, ParamSet params) {}

    /** One iteration finished. */
    default void onIteration(String benchmark, ParamSet params, IterationSample sample) {}

    /** A benchmark at a param combination ended, successfully or not. */
    default void onBenchmarkEnd(BenchmarkRun run) {}

    /** The suite ended; {@code result} is what {@code run()} returns. */
    default void onSuiteEnd(RunResult result) {}
}
