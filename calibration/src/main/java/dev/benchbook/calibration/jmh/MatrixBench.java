package dev.benchbook.calibration.jmh;

import dev.benchbook.calibration.workload.MatrixWork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@link MatrixWork#multiply} of two 128×128 matrices. */
@State(Scope.Thread)
public class MatrixBench {
    private double[] a;
    private double[] b;

    @Setup
    public void setUp() {
        a = MatrixWork.matrix(0);
        b = MatrixWork.matrix(1);
    }

    @Benchmark
    public double[] multiply() {
        return MatrixWork.multiply(a, b);
    }
}
