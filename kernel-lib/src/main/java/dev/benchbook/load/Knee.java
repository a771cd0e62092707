package dev.benchbook.load;

/**
 * The knee of a {@link SweepResult}: the highest rate the server keeps up with, by the rule of {@link
 * SweepResult#knee(double, double)}.
 *
 * @param rps the knee's target rate, requests per second; NaN when even the lowest rate did not keep up
 * @param minRatio the achieved/target ratio a rate needed
 * @param p99BoundNs the p99 latency a rate had to stay within, nanoseconds
 * @param reason why the next rate up (or the lowest) did not keep up, or that every rate did
 */
public record Knee(double rps, double minRatio, double p99BoundNs, String reason) {
    /** True when some rate kept up. */
    public boolean found() {
        return !Double.isNaN(rps);
    }

    @Override
    public String toString() {
        return (found() ? "knee at " + Math.round(rps) + " rps" : "no knee: even the lowest rate did not keep up")
                + " (rule: achieved >= " + Math.round(minRatio * 100) + "% of target, no errors or drops, p99 <= "
                + String.format("%.3f ms", p99BoundNs / 1e6) + "); " + reason;
    }
}
