package dev.benchbook.harness;

/**
 * Tells an adaptive run how precise its measurements are so far. Supplied by the caller (the
 * statistics live in a later layer); the harness only compares the answer with the target.
 */
@FunctionalInterface
public interface PrecisionEstimator {
    /**
     * The half-width of the confidence interval of the mean at {@code confidence}, divided by the
     * mean; NaN or infinity when it cannot be estimated yet.
     */
    double relativeHalfWidth(double[] nsPerOp, double confidence);
}
