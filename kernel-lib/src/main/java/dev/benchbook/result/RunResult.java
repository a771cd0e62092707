package dev.benchbook.result;

import dev.benchbook.spec.SuiteDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The immutable result of running one suite: the hand-off object that every table, plot, report,
 * baseline and the run format consume.
 *
 * @param suite what was run, with the run controls and checks
 * @param environment where it ran
 * @param git the source revision, captured when the run started
 * @param started when the run began
 * @param elapsed how long the whole run took
 * @param runs one entry per param combination and benchmark, combinations outermost, in
 *     declaration order
 * @param metrics the metrics the runs carry, and those the platform could not give, with reasons
 */
public record RunResult(SuiteDescriptor suite, Environment environment, GitState git, Instant started,
        Duration elapsed, List<BenchmarkRun> runs, MetricSet metrics) {

    public RunResult {
        runs = List.copyOf(runs);
        git = git == null ? GitState.NONE : git;
        metrics = metrics == null ? MetricSet.inferred(runs, Map.of()) : metrics;
    }

    /** A result without git state, its metrics inferred from its samples: as imported from other tools. */
    public RunResult(SuiteDescriptor suite, Environment environment, Instant started, Duration elapsed,
            List<BenchmarkRun> runs) {
        this(suite, environment, GitState.NONE, started, elapsed, runs, null);
    }

    /** A result with its metrics inferred from its samples. */
    public RunResult(SuiteDescriptor suite, Environment environment, GitState git, Instant started, Duration elapsed,
            List<BenchmarkRun> runs) {
        this(suite, environment, git, started, elapsed, runs, null);
    }

    /** The runs of benchmark {@code name}, one per param combination. */
    public List<BenchmarkRun> runsOf(String name) {
        return runs.stream().filter(r -> r.benchmark().equals(name)).toList();
    }
}
