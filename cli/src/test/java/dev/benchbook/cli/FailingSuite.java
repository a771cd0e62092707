package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;

/** A suite with one good benchmark and one that throws. */
public final class FailingSuite implements SuiteFactory {
    @Override
    public SuiteSpec create() {
        return Bench.suite("failing")
                .benchmark("fine", ctx -> Integer.toString(42))
                .benchmark("boom", ctx -> {
                    throw new IllegalStateException("boom on purpose");
                })
                .warmup(1).iterations(3).iterationTime(Duration.ofMillis(2)).build();
    }
}
