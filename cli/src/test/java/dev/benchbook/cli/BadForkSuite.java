package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;

/** A suite whose forks cannot start: their JVM option does not exist. */
public final class BadForkSuite implements SuiteFactory {
    @Override
    public SuiteSpec create() {
        return Bench.suite("bad-fork")
                .benchmark("never", ctx -> 1)
                .jvmArgs("-XX:+NoSuchBenchbookFlag")
                .forks(1).warmup(0).iterations(1).iterationTime(Duration.ofMillis(1)).build();
    }
}
