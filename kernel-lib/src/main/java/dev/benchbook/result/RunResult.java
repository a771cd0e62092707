package dev.benchbook.result;

import dev.benchbook.spec.SuiteDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The immutable result of running one suite: the hand-off object that every table, plot, report and
 * baseline consumes.
 *
 * @param suite what was run
 * @param environment where it ran
 * @param started when the run began
 * @param elapsed how long the whole run took
 * @param runs one entry per param combination and benchmark, combinations outermost, in
 *     declaration order
 */
public record RunResult(
        SuiteDescriptor suite, Environment environment, Instant started, Duration elapsed, List<BenchmarkRun> runs) {

    public RunResult {
        runs = List.copyOf(runs);
    }

    /** The runs of benchmark {@code name}, one per param combination. */
    public List<BenchmarkRun> runsOf(String name) {
        return runs.stream().filter(r -> r.benchmark().equals(name)).toList();
    }
}
