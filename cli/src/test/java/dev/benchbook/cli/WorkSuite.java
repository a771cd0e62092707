package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;

/**
 * A tiny suite whose body calls code under test that does {@code benchbook.cli.work} steps of arithmetic (a
 * system property read when the suite is built, default 2,000): a bigger number is a really slower benchmark
 * with the same benchmark code, as when the code under test gets slower.
 */
public final class WorkSuite implements SuiteFactory {
    /** The system property with the number of steps. */
    public static final String WORK = "benchbook.cli.work";

    /** What the benchmark calls: outside its source hash. */
    static final class CodeUnderTest {
        static volatile int steps;

        static long work() {
            int n = steps;
            long h = 17;
            for (int i = 0; i < n; i++) {
                h = h * 31 + (i ^ (h >>> 7));
            }
            return h;
        }
    }

    @Override
    public SuiteSpec create() {
        CodeUnderTest.steps = Integer.getInteger(WORK, 2_000);
        return Bench.suite("work")
                .benchmarkLong("steps", ctx -> CodeUnderTest.work())
                .warmup(2).iterations(8).iterationTime(Duration.ofMillis(3)).build();
    }
}
