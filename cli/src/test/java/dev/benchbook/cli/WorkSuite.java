package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;

/**
 * A tiny suite whose body does {@code benchbook.cli.work} steps of arithmetic (a system property read when the
 * suite is built, default 2,000): a bigger number is a really slower benchmark.
 */
public final class WorkSuite implements SuiteFactory {
    /** The system property with the number of steps. */
    public static final String WORK = "benchbook.cli.work";

    @Override
    public SuiteSpec create() {
        int steps = Integer.getInteger(WORK, 2_000);
        return Bench.suite("work")
                .benchmarkLong("steps", ctx -> {
                    long h = 17;
                    for (int i = 0; i < steps; i++) {
                        h = h * 31 + (i ^ (h >>> 7));
                    }
                    return h;
                })
                .warmup(2).iterations(8).iterationTime(Duration.ofMillis(3)).build();
    }
}
