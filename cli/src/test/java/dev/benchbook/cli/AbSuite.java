package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;

/** Two benchmarks for {@code ab --a --b}: "fast" does 500 steps of arithmetic, "slow" 20,000. */
public final class AbSuite implements SuiteFactory {
    static long steps(int n) {
        long h = 17;
        for (int i = 0; i < n; i++) {
            h = h * 31 + (i ^ (h >>> 7));
        }
        return h;
    }

    @Override
    public SuiteSpec create() {
        return Bench.suite("ab")
                .benchmarkLong("fast", ctx -> steps(500))
                .benchmarkLong("slow", ctx -> steps(20_000))
                .warmup(1).iterations(4).iterationTime(Duration.ofMillis(3)).build();
    }
}
