package dev.benchbook.spec;

/**
 * A stateless benchmark body that returns a primitive {@code double}, consumed without boxing. Use it
 * for nanosecond-scale work, where boxing an {@code Object} result would add an allocation and
 * several nanoseconds to every invocation.
 */
@FunctionalInterface
public interface DoubleBenchmark extends java.io.Serializable {
    /** Performs one operation and returns its result. */
    double run(BenchContext ctx) throws Exception;
}
