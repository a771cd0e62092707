package dev.benchbook;

/**
 * The one entry point of Benchbook. A notebook needs nothing else:
 *
 * <pre>{@code
 * var r = Bench.suite("sorting")
 *     .param("size", 1_000, 100_000)
 *     .setup(ctx -> ctx.random().ints(ctx.intParam("size")).toArray())
 *     .benchmark("arrays.sort", (ctx, data) -> { int[] c = data.clone(); Arrays.sort(c); return c; })
 *     .run();
 * r.summary()
 * }</pre>
 */
public final class Bench {
    private Bench() {}

    /** Starts the definition of a suite named {@code name}. */
    public static Suite<Void> suite(String name) {
        return new Suite<>(name);
    }
}
