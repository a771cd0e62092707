package dev.benchbook.engine;

import dev.benchbook.metric.Metric;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.SuiteSpec;
import java.util.List;

/**
 * Runs one benchmark at one param combination somewhere: in this JVM, in a fresh JVM, or as an
 * external process. The {@link SuiteRunner} owns the loop over benchmarks and params, the events,
 * and the environment; a runner only measures and streams each iteration to the listener as it ends.
 * A runner records a failure or a timeout in the run it returns rather than throwing.
 */
public interface Runner {

    /** A short stable name, recorded in every run it measures: {@code in-process}, {@code fork}, {@code process}. */
    String id();

    /**
     * The descriptors of the metrics that this runner itself puts into its samples, besides the built-in
     * ones and those of the metric sources, so that tables, reports and regression checks know their units
     * and directions. Default: none.
     */
    default List<Metric> metrics() {
        return List.of();
    }

    /** Whether this runner can run {@code bench} of {@code spec}, and if not, why. */
    Support supports(SuiteSpec spec, BenchmarkSpec bench);

    /**
     * Measures {@code request}, calling {@code listener.onIteration} after every iteration.
     *
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted; the
     *     measurement is stopped first
     */
    BenchmarkRun run(RunRequest request, RunListener listener);

    /**
     * A runner's answer to {@link #supports}.
     *
     * @param ok whether it can run the benchmark
     * @param reason why not, empty when it can
     */
    record Support(boolean ok, String reason) {
        /** It can. */
        public static final Support YES = new Support(true, "");

        /** It cannot, because of {@code reason}. */
        public static Support no(String reason) {
            return new Support(false, reason);
        }
    }
}
