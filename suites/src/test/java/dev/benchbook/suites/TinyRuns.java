package dev.benchbook.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.Suite;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Short runs of the compiled suites for their tests, and the checks every suite's runs must pass. */
public final class TinyRuns {
    private TinyRuns() {}

    /** A tiny run: two measured iterations of 2 ms, one warmup. */
    public static RunResult tiny(Suite<?> s) {
        return s.warmup(1).iterations(2).iterationTime(Duration.ofMillis(2)).quiet().run().result();
    }

    /** Every run of {@code r} is OK and gave the same output hash in every iteration. */
    public static void allOkAndDeterministic(RunResult r) {
        for (BenchmarkRun run : r.runs()) {
            assertEquals(Status.OK, run.status(), run.benchmark() + " " + run.params() + ": " + run.error());
            Set<Long> hashes = new HashSet<>();
            run.samples().forEach(x -> hashes.add(x.outputHash()));
            assertEquals(1, hashes.size(), run.benchmark() + " " + run.params() + " gave different outputs");
        }
    }
}
