package dev.benchbook.spec;

import java.util.List;

/**
 * What a run verifies besides measuring: the determinism checks and the user's expected bounds.
 * Output hashes are always compared across iterations.
 *
 * @param maxTimingCv largest acceptable coefficient of variation of the per-iteration times; a
 *     larger one is a {@code TimingVariance} finding. {@code Double.POSITIVE_INFINITY} turns it off
 * @param allocTolerance largest acceptable spread of allocated bytes per operation across measured
 *     iterations, relative to their mean (an absolute floor of one byte per operation applies); a
 *     larger spread is a {@code MemoryVariance} finding
 * @param expectations the user's bounds; each violated one is a finding
 * @param strict whether any finding fails the run
 */
public record Checks(double maxTimingCv, double allocTolerance, List<Expectation> expectations, boolean strict) {

    public Checks {
        expectations = List.copyOf(expectations);
    }

    /** The defaults of {@link Defaults}. */
    public static Checks defaults() {
        return new Checks(Defaults.MAX_TIMING_CV, Defaults.ALLOC_TOLERANCE, List.of(), false);
    }
}
