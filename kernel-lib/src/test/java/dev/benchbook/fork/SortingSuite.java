package dev.benchbook.fork;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;
import java.util.Arrays;

/** A compiled suite that fresh JVMs can build again. */
public final class SortingSuite implements SuiteFactory {
    @Override
    public SuiteSpec create() {
        return Bench.suite("forked-sorting").param("size", 500)
                .setup(ctx -> ctx.random().ints(ctx.intParam("size")).toArray())
                .benchmark("arrays.sort", (ctx, data) -> { int[] c = data.clone(); Arrays.sort(c); return c; })
                .warmup(1).iterations(3).iterationTime(Duration.ofMillis(20)).build();
    }
}
