package dev.benchbook.calibration.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void stateIsTheSameOnEveryCall() {
        assertArrayEquals(Sorting.data(1000), Sorting.data(1000));
        assertArrayEquals(HashMapWork.keys(), HashMapWork.keys());
        assertArrayEquals(StringWork.tokens(), StringWork.tokens());
        assertArrayEquals(MatrixWork.matrix(0), MatrixWork.matrix(0));
        assertArrayEquals(CompressionWork.input(), CompressionWork.input());
        assertEquals(Horner.x(), Horner.x());
        assertNotEquals(Arrays.hashCode(MatrixWork.matrix(0)), Arrays.hashCode(MatrixWork.matrix(1)));
    }

    @Test
    void workloadsComputeWhatTheySay() {
        int[] data = Sorting.data(1000);
        int[] sorted = Sorting.sortCopy(data);
        int[] expected = data.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, sorted);
        assertArrayEquals(StringWork.tokens(), StringWork.joinSplit(StringWork.tokens()));
        double[] a = MatrixWork.matrix(0);
        double[] b = MatrixWork.matrix(1);
        double c57 = 0;
        for (int k = 0; k < MatrixWork.N; k++) {
            c57 += a[5 * MatrixWork.N + k] * b[k * MatrixWork.N + 7];
        }
        assertEquals(c57, MatrixWork.multiply(a, b)[5 * MatrixWork.N + 7], 1e-9);
        var work = new CompressionWork();
        try {
            long n = work.compress();
            assertTrue(n > 0 && n < CompressionWork.SIZE / 2, "compressed to " + n);
            assertEquals(n, work.compress());
        } finally {
            work.close();
        }
        double direct = 0;
        for (int k = 0; k <= 12; k++) {
            direct += Math.pow(0.5, k) / (k + 1);
        }
        assertEquals(direct, Horner.eval(0.5), 1e-12);
    }
}
