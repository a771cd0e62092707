package dev.benchbook.calibration.report;

import java.util.Arrays;
import java.util.List;

/** Pure functions that combine rounds and compare the tools. No I/O. */
public final class Comparison {
    private Comparison() {}

    /**
     * Combines one tool's rounds of one workload: the mean of the round means, and an interval whose
     * half-widths on each side are the rounds' half-widths combined as for a mean of independent
     * estimates, {@code sqrt(sum(h_i^2)) / rounds}.
     *
     * @throws IllegalArgumentException if {@code rounds} is empty or mixes workloads or tools
     */
    public static Combined combine(List<Measurement> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("combine(rounds=[]): needs at least one round; run with --rounds 1 or more");
        }
        Measurement first = rounds.get(0);
        for (Measurement m : rounds) {
            if (!m.workload().equals(first.workload()) || m.tool() != first.tool()) {
                throw new IllegalArgumentException("combine(rounds): mixes " + first.workload() + "/" + first.tool()
                        + " with " + m.workload() + "/" + m.tool() + "; combine one workload and tool at a time");
            }
        }
        int r = rounds.size();
        double[] means = rounds.stream().mapToDouble(Measurement::meanNs).toArray();
        double mean = Arrays.stream(means).sum() / r;
        double low = Math.sqrt(rounds.stream().mapToDouble(m -> sq(m.meanNs() - m.lowNs())).sum()) / r;
        double high = Math.sqrt(rounds.stream().mapToDouble(m -> sq(m.highNs() - m.meanNs())).sum()) / r;
        double wall = rounds.stream().mapToDouble(Measurement::wallSeconds).sum() / r;
        return new Combined(mean, mean - low, mean + high, means, wall);
    }

    /**
     * The mean of the first fifth of {@code perIteration} (at least one value) over the mean of the
     * rest, minus 1; NaN with fewer than 2 values. Positive when the first iterations were slower.
     */
    public static double earlyDrift(double[] perIteration) {
        int n = perIteration.length;
        if (n < 2) {
            return Double.NaN;
        }
        int head = Math.max(1, n / 5);
        double early = Arrays.stream(perIteration, 0, head).average().orElseThrow();
        double rest = Arrays.stream(perIteration, head, n).average().orElseThrow();
        return early / rest - 1;
    }

    /** |ratio − 1|. */
    public static double deviation(double ratio) {
        return Math.abs(ratio - 1);
    }

    /**
     * The median of {@code xs}: the middle value, or the mean of the two middle values.
     *
     * @throws IllegalArgumentException if {@code xs} is empty
     */
    public static double median(double[] xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("median(xs=[]): needs at least one value");
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    private static double sq(double x) {
        return x * x;
    }
}
