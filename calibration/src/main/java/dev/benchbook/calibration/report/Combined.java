package dev.benchbook.calibration.report;

import java.util.Arrays;

/**
 * One tool's rounds of one workload, combined.
 *
 * @param meanNs the mean of the round means, ns
 * @param lowNs the lower bound: the mean minus the rounds' lower half-widths combined as for a mean
 *     of independent estimates, {@code sqrt(sum(h_i^2)) / rounds}, ns
 * @param highNs the upper bound, combined the same way, ns
 * @param roundMeansNs each round's mean, in round order, ns
 * @param meanWallSeconds the mean wall time of one round of this tool on this workload, s
 */
public record Combined(double meanNs, double lowNs, double highNs, double[] roundMeansNs, double meanWallSeconds) {

    public Combined {
        roundMeansNs = roundMeansNs.clone();
    }

    /** Each round's mean, ns; a copy. */
    @Override
    public double[] roundMeansNs() {
        return roundMeansNs.clone();
    }

    /** Half the spread between the slowest and the fastest round, relative to the mean. */
    public double roundSpread() {
        double min = Arrays.stream(roundMeansNs).min().orElse(Double.NaN);
        double max = Arrays.stream(roundMeansNs).max().orElse(Double.NaN);
        return (max - min) / 2 / meanNs;
    }

    /** Half the width of the combined interval, relative to the mean. */
    public double relativeHalfWidth() {
        return (highNs - lowNs) / 2 / meanNs;
    }
}
