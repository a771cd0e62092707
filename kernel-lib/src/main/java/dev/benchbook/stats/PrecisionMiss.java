package dev.benchbook.stats;

/**
 * Why an adaptive run missed its precision target, as classified by
 * {@link Precision#miss(int, int, double, double, double)}. Each constant names the fix.
 */
public enum PrecisionMiss {
    /**
     * The noise is too high: at the observed CV even {@value Precision#CAP_FACTOR} times the iteration
     * cap would not reach the target. Reduce the noise (a quieter machine, longer iterations, pinned
     * frequency) or relax the target.
     */
    NOISE,
    /**
     * The cap allows enough iterations at the observed CV, but the run stopped before it had them (a
     * time budget or an early stop). Give the run more time.
     */
    TOO_FEW_ITERATIONS,
    /**
     * The iteration cap is too low: the target needs more iterations than the cap, but no more than
     * {@value Precision#CAP_FACTOR} times it. Raise the cap to {@link Precision#requiredIterations}.
     */
    CAP
}
