package dev.benchbook;

import dev.benchbook.spec.SuiteFactory;

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

    /**
     * The suite that {@code factory} builds, remembered as built by it so that {@code forks(n)}
     * can build it again in fresh JVMs.
     *
     * @throws IllegalArgumentException if the factory has no public no-argument constructor or throws
     */
    public static Suite<?> suite(Class<? extends SuiteFactory> factory) {
        try {
            return new Suite<>(factory.getConstructor().newInstance().create()).origin(factory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("suite(" + factory.getName() + "): cannot instantiate it (" + e
                    + "); give it a public no-argument constructor", e);
        }
    }
}
