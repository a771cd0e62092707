package dev.benchbook.suites;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.util.Arrays;

/**
 * Sorting random ints: {@code Arrays.sort} against {@code Arrays.parallelSort} at 10,000 and
 * 100,000 elements. Each invocation sorts a fresh copy of the seeded data.
 */
public final class SortingSuite implements SuiteFactory {
    @Override
    public SuiteSpec create() {
        return Bench.suite("sorting")
                .description("Arrays.sort against Arrays.parallelSort on seeded random ints")
                .param("size", 10_000, 100_000)
                .setup(ctx -> ctx.random().ints(ctx.intParam("size")).toArray())
                .benchmark("arrays.sort", (ctx, data) -> {
                    int[] c = data.clone();
                    Arrays.sort(c);
                    return c;
                })
                .benchmark("parallel.sort", (ctx, data) -> {
                    int[] c = data.clone();
                    Arrays.parallelSort(c);
                    return c;
                })
                .baseline("arrays.sort")
                .build();
    }
}
