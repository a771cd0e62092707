package dev.benchbook.result;

/**
 * Anything that carries a finished run, such as the {@code Results} that {@code run()} returns.
 * Plots and reports accept it so that they need not know the facade.
 */
@FunctionalInterface
public interface RunResultSource {
    /** The immutable run result. */
    RunResult result();
}
