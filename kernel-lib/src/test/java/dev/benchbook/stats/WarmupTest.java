package dev.benchbook.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The adaptive warmup rule, worked by hand on deterministic series with the harness's settings: a
 * window of 10 (halves of 5) and 3 quiet iterations. The bound on the halves' difference is
 * max(3 σ̂ √(2/5), 1% of the window's mean), σ̂² = Σ (x[i+1] - x[i])² / (2 · 9) over the window.
 */
class WarmupTest {
    private static final int WINDOW = 10;
    private static final int QUIET = 3;

    /** Alternating +1, -1: successive differences are ±2, so σ̂ = √(9 · 4 / 18) = √2 over a flat window. */
    private static double wiggle(int i) {
        return i % 2 == 0 ? 1 : -1;
    }

    /** No JIT activity known: every entry -1. */
    private static long[] unknownJit(int n) {
        long[] c = new long[n];
        Arrays.fill(c, -1);
        return c;
    }

    /** A quiet JIT: the same cumulative compile time after every iteration. */
    private static long[] quietJit(int n) {
        long[] c = new long[n];
        Arrays.fill(c, 250);
        return c;
    }

    private static boolean settled(double[] times, long[] compileMs, int min) {
        return Warmup.settled(times, compileMs, min, WINDOW, QUIET);
    }

    /** The smallest prefix length at which the rule says warmup may end, or -1. */
    private static int firstSettled(double[] times, long[] compileMs, int min) {
        for (int n = 0; n <= times.length; n++) {
            if (settled(Arrays.copyOf(times, n), Arrays.copyOf(compileMs, n), min)) {
                return n;
            }
        }
        return -1;
    }

    @Test
    void flatNoisySeriesSettlesOnceTheWindowIsFull() {
        // 100 ± 1: both halves of any full window average 100 ± 0.2, the bound is 3√2·√(2/5) ≈ 2.68.
        double[] times = new double[30];
        for (int i = 0; i < times.length; i++) {
            times[i] = 100 + wiggle(i);
        }
        assertEquals(WINDOW, firstSettled(times, quietJit(times.length), 0));
        assertFalse(settled(Arrays.copyOf(times, 9), quietJit(9), 0), "nine iterations cannot fill a window of ten");
        for (int n = WINDOW; n <= times.length; n++) {
            assertTrue(settled(Arrays.copyOf(times, n), quietJit(n), 0), "n=" + n);
        }
    }

    @Test
    void flatSeriesWaitsForTheMinimum() {
        double[] times = new double[20];
        for (int i = 0; i < times.length; i++) {
            times[i] = 100 + wiggle(i);
        }
        assertEquals(15, firstSettled(times, quietJit(times.length), 15));
    }

    @Test
    void exponentialWarmupSettlesOnlyWhenItsExcessHasFaded() {
        // x[i] = 100 + 100 · 2^-i ± 1. The decay inflates σ̂, but the halves still differ by more:
        //   n=12: window x[2..12), halves 109.888 and 100.103, diff 9.785 > 3 · 3.928 · √0.4 = 7.453
        //   n=13: window x[3..13), halves 104.644 and 100.351, diff 4.292 > 3 · 1.991 · √0.4 = 3.779
        //   n=14: window x[4..14), halves 102.622 and 99.876,  diff 2.746 ≤ 3 · 1.785 · √0.4 = 3.387
        // (the 1% floor, about 1.0, is below every one of these bounds).
        double[] times = new double[30];
        for (int i = 0; i < times.length; i++) {
            times[i] = 100 + 100 * Math.pow(2, -i) + wiggle(i);
        }
        assertEquals(14, firstSettled(times, unknownJit(times.length), 0));
        assertFalse(settled(Arrays.copyOf(times, 13), unknownJit(13), 0));
        assertTrue(settled(Arrays.copyOf(times, 14), unknownJit(14), 0));
    }

    @Test
    void compilationDuringTheLastQuietIterationsKeepsAFlatPlateauWarmingUp() {
        // 100 ± 1 for 12 iterations: the times alone would have settled at 10. The JIT's cumulative
        // time is compared between after iteration n-1-3 and after iteration n-1.
        double[] times = new double[12];
        for (int i = 0; i < times.length; i++) {
            times[i] = 100 + wiggle(i);
        }
        assertTrue(settled(times, quietJit(12), 0), "the plateau alone is steady");
        for (int compiledIn = 9; compiledIn <= 11; compiledIn++) {
            long[] compile = quietJit(12);
            for (int i = compiledIn; i < compile.length; i++) {
                compile[i] = 260;
            }
            assertFalse(settled(times, compile, 0), "a compilation finished in iteration " + compiledIn);
        }
        long[] earlier = quietJit(12);
        for (int i = 8; i < earlier.length; i++) {
            earlier[i] = 260;
        }
        assertTrue(settled(times, earlier, 0), "a compilation in iteration 8 leaves 9, 10 and 11 quiet");
    }

    @Test
    void unknownJitActivityIsIgnored() {
        double[] times = new double[12];
        for (int i = 0; i < times.length; i++) {
            times[i] = 100 + wiggle(i);
        }
        long[] partly = quietJit(12);
        partly[8] = -1;
        partly[11] = 999;
        assertTrue(settled(times, partly, 0), "an unknown reading on one side means no comparison");
        assertTrue(settled(times, unknownJit(12), 0));
    }

    @Test
    void onePercentFloorLetsANoiseFreeSlowDriftSettle() {
        // x[i] = 100 + 0.05 i, no noise: σ̂ = 0.05 / √2 = 0.0354, so 3σ̂√0.4 = 0.067, while the halves
        // differ by 5 · 0.05 = 0.25. Only the floor, 1% of about 100.2, lets it settle.
        double[] slow = new double[10];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = 100 + 0.05 * i;
        }
        assertTrue(settled(slow, quietJit(10), 0));
        // Ten times the drift: halves differ by 2.5, above both 0.67 and the floor of about 1.02.
        double[] fast = new double[10];
        for (int i = 0; i < fast.length; i++) {
            fast[i] = 100 + 0.5 * i;
        }
        assertFalse(settled(fast, quietJit(10), 0));
    }

    @Test
    void constantSeriesSettlesWithZeroNoise() {
        double[] times = new double[10];
        Arrays.fill(times, 42.0);
        assertTrue(settled(times, quietJit(10), 0));
    }

    @Test
    void argumentErrorsNameTheRule() {
        double[] times = new double[12];
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> Warmup.settled(times, new long[11], 0, WINDOW, QUIET));
        assertEquals("times (12) and compileMs (11) must have one entry per warmup iteration", lengths.getMessage());
        for (int[] bad : new int[][] {{0, 9, 3}, {0, 2, 3}, {0, 10, 0}, {-1, 10, 3}}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Warmup.settled(times, new long[12], bad[0], bad[1], bad[2]), () -> Arrays.toString(bad));
            assertEquals("window=" + bad[1] + ", quiet=" + bad[2] + ", min=" + bad[0]
                    + ": window must be even and >= 4, quiet >= 1, min >= 0", e.getMessage());
        }
    }
}
