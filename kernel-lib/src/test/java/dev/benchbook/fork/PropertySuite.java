package dev.benchbook.fork;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;

/** A compiled suite whose benchmark needs a system property that only {@code jvmArgs} can set in a fork. */
public final class PropertySuite implements SuiteFactory {
    @Override
    public SuiteSpec create() {
        return Bench.suite("property")
                .benchmark("flag", ctx -> {
                    String v = System.getProperty("benchbook.it.flag");
                    if (!"forked".equals(v)) {
                        throw new IllegalStateException("benchbook.it.flag is " + v);
                    }
                    return v;
                })
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(5)).build();
    }
}
