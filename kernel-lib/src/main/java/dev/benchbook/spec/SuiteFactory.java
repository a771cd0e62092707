package dev.benchbook.spec;

/**
 * Builds a suite from compiled code, so that a fresh JVM can build the same suite again: the
 * precondition of {@code forks(n)}. Implementations need a public no-argument constructor and must
 * be on the classpath, for example in a jar:
 *
 * <pre>{@code
 * public final class SortingSuite implements SuiteFactory {
 *     public SuiteSpec create() {
 *         return Bench.suite("sorting").param("size", 1_000, 100_000)
 *             .setup(ctx -> ctx.random().ints(ctx.intParam("size")).toArray())
 *             .benchmark("arrays.sort", (ctx, d) -> { int[] c = d.clone(); Arrays.sort(c); return c; })
 *             .build();
 *     }
 * }
 * var r = Bench.suite(SortingSuite.class).forks(3).run();
 * }</pre>
 */
@FunctionalInterface
public interface SuiteFactory {
    /** Builds the suite; called once in the parent JVM and once in every fork. */
    SuiteSpec create();
}
