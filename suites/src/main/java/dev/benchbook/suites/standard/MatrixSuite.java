package dev.benchbook.suites.standard;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;

/**
 * Dense {@code double} matrix multiplication, n×n by n×n: the naive i-j-k loop, with the right-hand
 * matrix transposed first (both inner reads sequential), and blocked in 32×32 tiles. Params: {@code
 * size} and {@code pattern} ({@code uniform} values in [0, 1) or {@code sparse}, 90% zeros).
 */
public final class MatrixSuite implements SuiteFactory {
    static final int BLOCK = 32;

    /** The two operands. */
    record Operands(double[][] a, double[][] b) {}

    @Override
    public SuiteSpec create() {
        return Bench.suite("matrix")
                .description("naive, transposed and blocked matrix multiplication across sizes")
                .param("size", 64, 128, 256)
                .param("pattern", "uniform", "sparse")
                .setup(ctx -> {
                    int n = ctx.intParam("size");
                    boolean sparse = ctx.stringParam("pattern").equals("sparse");
                    return new Operands(fill(n, ctx.random(), sparse), fill(n, ctx.random(), sparse));
                })
                .benchmark("naive", (ctx, m) -> naive(m.a(), m.b()))
                .benchmark("transposed", (ctx, m) -> transposed(m.a(), m.b()))
                .benchmark("blocked", (ctx, m) -> blocked(m.a(), m.b()))
                .baseline("naive")
                .build();
    }

    static double[][] fill(int n, java.util.Random r, boolean sparse) {
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                double v = r.nextDouble();
                row[j] = sparse && r.nextInt(10) != 0 ? 0 : v;
            }
        }
        return m;
    }

    static double[][] naive(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    static double[][] transposed(double[][] a, double[][] b) {
        int n = a.length;
        double[][] bt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bt[j][i] = b[i][j];
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ai = a[i];
            for (int j = 0; j < n; j++) {
                double[] bj = bt[j];
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += ai[k] * bj[k];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    static double[][] blocked(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int ii = 0; ii < n; ii += BLOCK) {
            for (int kk = 0; kk < n; kk += BLOCK) {
                for (int jj = 0; jj < n; jj += BLOCK) {
                    int iMax = Math.min(ii + BLOCK, n);
                    int kMax = Math.min(kk + BLOCK, n);
                    int jMax = Math.min(jj + BLOCK, n);
                    for (int i = ii; i < iMax; i++) {
                        double[] ci = c[i];
                        for (int k = kk; k < kMax; k++) {
                            double aik = a[i][k];
                            double[] bk = b[k];
                            for (int j = jj; j < jMax; j++) {
                                ci[j] += aik * bk[j];
                            }
                        }
                    }
                }
            }
        }
        return c;
    }
}
