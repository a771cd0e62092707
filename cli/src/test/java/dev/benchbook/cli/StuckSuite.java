package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;

/** A benchmark that outlives its 300 ms timeout. */
public final class StuckSuite implements SuiteFactory {
    @Override
    public SuiteSpec create() {
        return Bench.suite("stuck")
                .benchmark("sleepy", ctx -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 1;
                })
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(1)).timeout(Duration.ofMillis(300)).build();
    }
}
