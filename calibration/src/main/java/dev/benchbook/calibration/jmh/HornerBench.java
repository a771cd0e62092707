package dev.benchbook.calibration.jmh;

import dev.benchbook.calibration.workload.Horner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Horner#eval} three ways: correctly (input from state, result returned), with the result
 * discarded (dead-code pitfall), and on a literal input (constant-folding pitfall).
 */
@State(Scope.Thread)
public class HornerBench {
    private double x;

    @Setup
    public void setUp() {
        x = Horner.x();
    }

    @Benchmark
    public double returned() {
        return Horner.eval(x);
    }

    @Benchmark
    public void discarded() {
        Horner.eval(x);
    }

    @Benchmark
    public double constant() {
        return Horner.eval(Horner.CONSTANT_X);
    }
}
