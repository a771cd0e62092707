package dev.benchbook.spec;

/**
 * Builds the state that a benchmark works on, once per benchmark and param combination, outside the
 * timed region.
 *
 * @param <S> the state type
 */
@FunctionalInterface
public interface Setup<S> extends java.io.Serializable {
    /** Returns the state for one benchmark run; may use {@code ctx.random()} and the params. */
    S setUp(BenchContext ctx) throws Exception;
}
