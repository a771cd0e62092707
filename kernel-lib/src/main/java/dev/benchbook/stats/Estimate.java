package dev.benchbook.stats;

/**
 * A point estimate with a confidence interval.
 *
 * @param point the estimate
 * @param low lower bound of the interval
 * @param high upper bound of the interval
 * @param confidence the interval's confidence level, in (0, 1), e.g. 0.999
 */
public record Estimate(double point, double low, double high, double confidence) {

    /** Half the interval's width. */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
