package dev.benchbook.analysis;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.stats.Comparison;
import dev.benchbook.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything downstream needs of a run, computed once: the run, each benchmark run's statistics, the
 * ratios against the baseline benchmark, and the findings. Tables, plots, reports and stores consume
 * it rather than recomputing bootstraps on every call.
 *
 * @param result the run
 * @param stats one entry per run of {@code result.runs()}, same order
 * @param ratios per run, its mean time over the baseline benchmark's at the same param combination,
 *     with a seeded bootstrap interval at the run's level (exactly 1 for the baseline itself); empty
 *     without a baseline or when either side has fewer than two measured iterations
 * @param findings the findings, in run order
 */
public record RunSummary(RunResult result, List<RunStats> stats, List<Optional<Estimate>> ratios, List<Finding> findings) {

    /** Resamples of each ratio interval. */
    public static final int RATIO_RESAMPLES = 2_000;

    public RunSummary {
        stats = List.copyOf(stats);
        ratios = List.copyOf(ratios);
        findings = List.copyOf(findings);
    }

    /** Computes the summary of {@code result} with its findings derived from its samples. */
    public static RunSummary of(RunResult result) {
        return of(result, Findings.of(result));
    }

    /** Computes the summary of {@code result} with the given findings (as read back from a file). */
    public static RunSummary of(RunResult result, List<Finding> findings) {
        List<RunStats> stats = new ArrayList<>();
        for (BenchmarkRun run : result.runs()) {
            stats.add(RunStats.of(run, result.suite().controls(), result.metrics()));
        }
        List<Optional<Estimate>> ratios = new ArrayList<>();
        String baseline = result.suite().baseline();
        for (BenchmarkRun run : result.runs()) {
            ratios.add(baseline.isEmpty() ? Optional.empty() : ratio(result, run, baseline));
        }
        return new RunSummary(result, stats, ratios, findings);
    }

    /** The statistics of {@code run}, which must be one of {@code result().runs()}. */
    public RunStats statsOf(BenchmarkRun run) {
        int i = result.runs().indexOf(run);
        if (i < 0) {
            throw new IllegalArgumentException("run " + run.benchmark() + " [" + run.params() + "] is not part of this result");
        }
        return stats.get(i);
    }

    private static Optional<Estimate> ratio(RunResult result, BenchmarkRun run, String baseline) {
        if (run.benchmark().equals(baseline) && run.wallNsPerOp().length >= 1) {
            // The reference against itself: 1 by definition, not an estimate.
            double level = result.suite().controls().confidence();
            return Optional.of(new Estimate(1, 1, 1, level));
        }
        Optional<BenchmarkRun> ref = result.runs().stream()
                .filter(r -> r.benchmark().equals(baseline) && r.params().equals(run.params())).findFirst();
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        double[] a = ref.get().wallNsPerOp();
        double[] b = run.wallNsPerOp();
        if (a.length < 2 || b.length < 2) {
            return Optional.empty();
        }
        return Optional.of(Comparison.ratioOfMeans(a, b, result.suite().controls().confidence(), RATIO_RESAMPLES,
                result.suite().controls().seed()));
    }
}
