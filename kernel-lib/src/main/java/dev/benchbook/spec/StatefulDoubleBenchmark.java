package dev.benchbook.spec;

/**
 * A benchmark body that reads the setup's state and returns a primitive {@code double}, consumed
 * without boxing. Use it for nanosecond-scale work.
 *
 * @param <S> the state type
 */
@FunctionalInterface
public interface StatefulDoubleBenchmark<S> extends java.io.Serializable {
    /** Performs one operation on {@code state} and returns its result. */
    double run(BenchContext ctx, S state) throws Exception;
}
