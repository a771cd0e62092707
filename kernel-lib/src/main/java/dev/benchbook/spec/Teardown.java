package dev.benchbook.spec;

/**
 * Releases what {@link Setup} built, once per benchmark and param combination, after measuring.
 *
 * @param <S> the state type
 */
@FunctionalInterface
public interface Teardown<S> extends java.io.Serializable {
    /** Releases {@code state}. */
    void tearDown(BenchContext ctx, S state) throws Exception;
}
