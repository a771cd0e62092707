// spectral-norm: the largest singular value of A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1),
// i, j from 0, truncated to n x n, by 10 power iterations of AtA from u = (1,...,1).
// Usage: java SpectralNorm.java N (or javac SpectralNorm.java && java SpectralNorm N).
// Prints sqrt(u.v / v.v) as "%.9f". Every sum runs over j = 0..n-1 in order, as in
// the other languages here.
import java.util.Arrays;
import java.util.Locale;

public final class SpectralNorm {
    private static double a(long i, long j) {
        long k = i + j;
        return 1.0 / (double) (k * (k + 1) / 2 + i + 1);
    }

    /** out = A v */
    private static void mulAv(double[] v, double[] out) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                sum += a(i, j) * v[j];
            }
            out[i] = sum;
        }
    }

    /** out = At v */
    private static void mulAtv(double[] v, double[] out) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                sum += a(j, i) * v[j];
            }
            out[i] = sum;
        }
    }

    /** out = At A v */
    private static void mulAtAv(double[] v, double[] out, double[] tmp) {
        mulAv(v, tmp);
        mulAtv(tmp, out);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        double[] u = new double[n];
        double[] v = new double[n];
        double[] tmp = new double[n];
        Arrays.fill(u, 1.0);
        for (int iter = 0; iter < 10; iter++) {
            mulAtAv(u, v, tmp);
            mulAtAv(v, u, tmp);
        }
        double vBv = 0.0, vv = 0.0;
        for (int i = 0; i < n; i++) {
            vBv += u[i] * v[i];
            vv += v[i] * v[i];
        }
        System.out.print(String.format(Locale.ROOT, "%.9f", Math.sqrt(vBv / vv)) + "\n");
        System.out.flush();
    }
}
