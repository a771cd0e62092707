package dev.benchbook.spec;

/**
 * A benchmark body that works on the state built by {@link Setup}. Its return value is consumed so
 * that the JIT cannot remove the work, and hashed to verify determinism.
 *
 * @param <S> the state type
 */
@FunctionalInterface
public interface StatefulBenchmark<S> extends java.io.Serializable {
    /** Performs one operation on {@code state} and returns its result. */
    Object run(BenchContext ctx, S state) throws Exception;
}
