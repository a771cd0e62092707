package dev.benchbook.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The precision rule. Half-widths come from R's {@code t.test(1:10)} (as in {@link StatsReferenceTest});
 * required counts from SciPy 1.17.1 by counting up n until {@code t.ppf(1 - (1-level)/2, n-1) · cv / √n
 * <= target}.
 */
class PrecisionTest {
    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void relativeHalfWidthMatchesR() {
        // R 95%: (3.334149, 7.665851), half-width 2.165851 around 5.5: 0.393791.
        assertEquals(0.39379101630330343, Precision.relativeHalfWidth(ONE_TO_TEN, 0.95), 1e-12);
        // R 99.9%: (0.9226247, 10.0773753), half-width 4.5773753: 0.832250.
        assertEquals(0.8322500562880001, Precision.relativeHalfWidth(ONE_TO_TEN, 0.999), 1e-12);
        assertEquals(0, Precision.relativeHalfWidth(new double[] {3, 3, 3}, 0.99), 0);
        assertTrue(Double.isNaN(Precision.relativeHalfWidth(new double[] {3}, 0.99)));
    }

    @Test
    void reachedComparesWithTheTarget() {
        assertTrue(Precision.reached(ONE_TO_TEN, 0.95, 0.4));
        assertFalse(Precision.reached(ONE_TO_TEN, 0.95, 0.39));
        assertFalse(Precision.reached(new double[] {3}, 0.95, 0.5));
    }

    @Test
    void requiredIterationsMatchSciPy() {
        assertEquals(387, Precision.requiredIterations(0.1, 0.95, 0.01));
        assertEquals(1540, Precision.requiredIterations(0.2, 0.95, 0.01));
        assertEquals(9607, Precision.requiredIterations(0.5, 0.95, 0.01));
        assertEquals(170, Precision.requiredIterations(0.05, 0.99, 0.01));
        assertEquals(396, Precision.requiredIterations(0.03, 0.999, 0.005));
        // By hand: t(0.95, 3) · 0.5 / 2 = 0.588 > 0.5, t(0.95, 4) · 0.5 / √5 = 0.477 <= 0.5.
        assertEquals(5, Precision.requiredIterations(0.5, 0.9, 0.5));
        assertEquals(2, Precision.requiredIterations(0, 0.99, 0.01));
        assertEquals(Long.MAX_VALUE, Precision.requiredIterations(1e12, 0.99, 1e-6));
    }

    @Test
    void missIsClassifiedByWhereTheRequiredCountFalls() {
        // cv 0.1, 0.2, 0.5 need 387, 1540, 9607 iterations at ±1%, 95%; the cap is 1000.
        assertEquals(PrecisionMiss.TOO_FEW_ITERATIONS, Precision.miss(200, 1000, 0.1, 0.95, 0.01));
        assertEquals(PrecisionMiss.CAP, Precision.miss(1000, 1000, 0.2, 0.95, 0.01));
        assertEquals(PrecisionMiss.NOISE, Precision.miss(1000, 1000, 0.5, 0.95, 0.01));
        assertEquals(PrecisionMiss.NOISE, Precision.miss(30, 1000, 0.5, 0.95, 0.01));
    }

    @Test
    void missBoundariesAreInclusive() {
        // 1540 needed: a cap of 1540 suffices, 1539 does not; 4 · 385 = 1540 is still a cap problem.
        assertEquals(PrecisionMiss.TOO_FEW_ITERATIONS, Precision.miss(100, 1540, 0.2, 0.95, 0.01));
        assertEquals(PrecisionMiss.CAP, Precision.miss(100, 1539, 0.2, 0.95, 0.01));
        assertEquals(PrecisionMiss.CAP, Precision.miss(100, 385, 0.2, 0.95, 0.01));
        assertEquals(PrecisionMiss.NOISE, Precision.miss(100, 384, 0.2, 0.95, 0.01));
    }

    @Test
    void rejectsBadArgumentsWithTheFix() {
        assertEquals("target(0.0): must be a finite number > 0; use 0.01 for ±1% of the mean", assertThrows(
                IllegalArgumentException.class, () -> Precision.reached(ONE_TO_TEN, 0.95, 0)).getMessage());
        assertEquals("cv(-0.1): must be finite and >= 0; pass stddev / mean, e.g. 0.05 for 5%", assertThrows(
                IllegalArgumentException.class, () -> Precision.requiredIterations(-0.1, 0.95, 0.01)).getMessage());
        assertEquals("n(11): must be in [0, maxN(10)]; pass the number of measured iterations and the cap the run"
                + " used", assertThrows(IllegalArgumentException.class,
                        () -> Precision.miss(11, 10, 0.1, 0.95, 0.01)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Precision.miss(1, 1, 0.1, 0.95, 0.01));
        assertThrows(IllegalArgumentException.class, () -> Precision.relativeHalfWidth(ONE_TO_TEN, 1));
    }
}
