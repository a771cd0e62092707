package dev.benchbook.cli;

import dev.benchbook.Results;
import dev.benchbook.Suite;
import dev.benchbook.result.BenchmarkRun;
import java.io.PrintStream;
import java.util.function.Supplier;

/** Runs a suite for a command: benchmark code's own printing goes to stderr, so stdout stays the command's. */
final class SuiteRuns {
    private SuiteRuns() {}

    /** Runs {@code suite} and returns its results; a run that fails a benchmark still returns. */
    static Results run(Suite<?> suite) {
        return withStdoutOnStderr(suite::run);
    }

    /** Runs {@code work} with {@code System.out} pointing at {@code System.err}. */
    static <T> T withStdoutOnStderr(Supplier<T> work) {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return work.get();
        } finally {
            System.setOut(out);
        }
    }

    /** The line that says a run failed, e.g. {@code boom [size=10] failed: IllegalStateException: no}. */
    static String describe(BenchmarkRun r) {
        return r.benchmark() + (r.params().values().isEmpty() ? "" : " [" + r.params().key() + "]") + " "
                + r.status().label() + ": " + r.error();
    }
}
