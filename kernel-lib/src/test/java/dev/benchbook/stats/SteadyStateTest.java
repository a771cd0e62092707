package dev.benchbook.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Steady-state detection. Deterministic series are worked by hand from the rule in {@link SteadyState};
 * noisy ones use a fixed seed and assert what the rule guarantees. Tolerance for σ̂ is 1e-12.
 */
class SteadyStateTest {
    /** Alternating +1, -1: successive differences are ±2, so σ̂ = √(4 / 2) = √2. */
    private static double wiggle(int i) {
        return i % 2 == 0 ? 1 : -1;
    }

    @Test
    void warmupPlateauEndsWhereThePlateauEnds() {
        // 10 iterations at 200, then 100 ± 1. Any remainder starting before index 10 holds a 200 in its
        // head, whose mean then differs from the rest by far more than 3√2 · √(1/5 + 1/(L - 5)) ≈ 2.
        // From index 10 the head mean is 100.2 against about 100, well inside.
        double[] series = new double[40];
        for (int i = 0; i < series.length; i++) {
            series[i] = i < 10 ? 200 : 100 + wiggle(i);
        }
        SteadyState s = SteadyState.detect(series);
        assertTrue(s.stable());
        assertEquals(10, s.start());
        assertEquals(10, s.warmup());
        assertEquals(40, s.n());
        assertEquals(Math.sqrt(2), s.noise(), 1e-12);
    }

    @Test
    void decayingWarmupIsCutWhereItsExcessDropsIntoTheNoise() {
        // x[i] = 100 + 100 · 2^-i ± 1. Head mean minus rest mean, against the bound 3√2 √(1/5 + 1/(L-5)):
        // k = 4: 2.642 > 2.045 (the excess 100/16 = 6.25 still shows); k = 5: 1.004 ≤ 2.049, and the
        // halves of x[5..40) differ by 0.309 against a bound of 1.435, so the series is stable from 5.
        double[] series = new double[40];
        for (int i = 0; i < series.length; i++) {
            series[i] = 100 + 100 * Math.pow(2, -i) + wiggle(i);
        }
        SteadyState s = SteadyState.detect(series);
        assertTrue(s.stable());
        assertEquals(5, s.start());
    }

    @Test
    void noisyExponentialWarmupIsCutNearOneSigmaOfExcess() {
        // x[i] = 100 + 50 e^(-i/5) + N(0, 1). The excess falls to 3σ at i ≈ 14 and to 1σ at i ≈ 20;
        // over 500 simulated series the rule started at 15..19 in 80% of them (seed 3 gives 15).
        Random random = new Random(3);
        double[] series = new double[100];
        for (int i = 0; i < series.length; i++) {
            series[i] = 100 + 50 * Math.exp(-i / 5.0) + random.nextGaussian();
        }
        SteadyState s = SteadyState.detect(series);
        assertTrue(s.stable());
        assertTrue(s.start() >= 12 && s.start() <= 24, s::toString);
        assertEquals(1, s.noise(), 0.25);
    }

    @Test
    void flatNoisySeriesIsStableFromTheStart() {
        Random random = new Random(4);
        double[] series = new double[100];
        for (int i = 0; i < series.length; i++) {
            series[i] = 1_000 + 20 * random.nextGaussian();
        }
        SteadyState s = SteadyState.detect(series);
        assertTrue(s.stable());
        assertEquals(0, s.start());
    }

    @Test
    void constantSeriesIsStableFromTheStartEvenWithoutNoise() {
        double[] series = new double[25];
        Arrays.fill(series, 0.1);
        assertEquals(new SteadyState(true, 0, 25, 0), SteadyState.detect(series));
    }

    @Test
    void driftingSeriesIsNotStable() {
        // 0.5 ns per iteration against noise 1: across any remainder of at least 50 points the halves
        // differ by at least 12.5, against a bound of about 3 · 1.0 · √(4/50) ≈ 0.85.
        Random random = new Random(5);
        double[] series = new double[100];
        for (int i = 0; i < series.length; i++) {
            series[i] = 100 + 0.5 * i + random.nextGaussian();
        }
        SteadyState s = SteadyState.detect(series);
        assertFalse(s.stable());
        assertEquals(100, s.start());
    }

    @Test
    void noiselessRampIsNotStable() {
        double[] series = new double[40];
        for (int i = 0; i < series.length; i++) {
            series[i] = 100 + 0.5 * i;
        }
        SteadyState s = SteadyState.detect(series);
        assertFalse(s.stable());
        assertEquals(0.5 / Math.sqrt(2), s.noise(), 1e-12);
    }

    @Test
    void warmupLongerThanHalfTheSeriesIsNotStable() {
        double[] series = new double[30];
        for (int i = 0; i < series.length; i++) {
            series[i] = i < 20 ? 200 : 100 + wiggle(i);
        }
        assertFalse(SteadyState.detect(series).stable());
    }

    @Test
    void rejectsShortSeriesWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SteadyState.detect(new double[12]));
        assertEquals("series(length 12): must have at least 20 values; run at least 20 iterations, warmup included,"
                + " to detect a steady state", e.getMessage());
    }
}
