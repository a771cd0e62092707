package dev.benchbook.calibration.workload;

import java.util.SplittableRandom;

/** Multiplying two dense square {@code double} matrices, stored row-major in flat arrays. */
public final class MatrixWork {
    private MatrixWork() {}

    /** The matrix order: 128. */
    public static final int N = 128;

    /** A random {@code N×N} matrix with entries in [-1, 1); {@code which} picks one of several. */
    public static double[] matrix(int which) {
        SplittableRandom r = Seeds.random("matrix." + which);
        double[] m = new double[N * N];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextDouble() * 2 - 1;
        }
        return m;
    }

    /** Benchbook's state: the two seeded operands, {@code matrix(0)} and {@code matrix(1)}. */
    public record Operands(double[] a, double[] b) {
        /** The seeded operands. */
        public static Operands seeded() {
            return new Operands(matrix(0), matrix(1));
        }
    }

    /** Returns the new matrix {@code a × b}, in i-k-j order so the inner loop runs along rows. */
    public static double[] multiply(double[] a, double[] b) {
        double[] c = new double[N * N];
        for (int i = 0; i < N; i++) {
            int row = i * N;
            for (int k = 0; k < N; k++) {
                double aik = a[row + k];
                int bRow = k * N;
                for (int j = 0; j < N; j++) {
                    c[row + j] += aik * b[bRow + j];
                }
            }
        }
        return c;
    }
}
