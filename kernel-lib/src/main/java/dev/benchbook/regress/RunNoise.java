package dev.benchbook.regress;

import dev.benchbook.spec.ParamSet;

/** Where the detector learns a benchmark's run-to-run spread: usually the history store. */
@FunctionalInterface
public interface RunNoise {
    /** No history: comparisons rest on forks or on the margin. */
    RunNoise NONE = (benchmark, params, metric) -> null;

    /** The spread of {@code metric} of {@code benchmark} at {@code params}, or null when unknown. */
    RunSpread spread(String benchmark, ParamSet params, String metric);
}
