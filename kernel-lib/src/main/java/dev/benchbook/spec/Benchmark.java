package dev.benchbook.spec;

/**
 * A benchmark body that needs no state from setup. Its return value is consumed so that the JIT
 * cannot remove the work, and hashed to verify determinism.
 */
@FunctionalInterface
public interface Benchmark extends java.io.Serializable {
    /** Performs one operation and returns its result. */
    Object run(BenchContext ctx) throws Exception;
}
