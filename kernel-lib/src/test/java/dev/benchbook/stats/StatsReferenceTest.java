package dev.benchbook.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values from R 4.x: {@code t.test(1:10, conf.level=...)}, {@code sd(1:10)}. */
class StatsReferenceTest {
    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void descriptiveMatchesR() {
        Descriptive d = Descriptive.of(ONE_TO_TEN);
        assertEquals(10, d.n());
        assertEquals(5.5, d.mean(), 1e-12);
        assertEquals(5.5, d.median(), 1e-12);
        assertEquals(3.0276503540974917, d.stddev(), 1e-12);
        assertEquals(0.5504818825631803, d.cv(), 1e-12);
        assertEquals(3.0, Descriptive.of(new double[] {5, 1, 3}).median(), 0);
    }

    @Test
    void tIntervalMatchesR() {
        Estimate e95 = ConfidenceIntervals.tInterval(ONE_TO_TEN, 0.95);
        assertEquals(3.334149, e95.low(), 1e-6);
        assertEquals(7.665851, e95.high(), 1e-6);
        Estimate e999 = ConfidenceIntervals.tInterval(ONE_TO_TEN, 0.999);
        assertEquals(0.9226247, e999.low(), 1e-6);
        assertEquals(10.0773753, e999.high(), 1e-6);
        assertEquals(0.999, e999.confidence());
    }

    @Test
    void tooSmallSampleHasNoInterval() {
        Estimate e = ConfidenceIntervals.tInterval(new double[] {3}, 0.95);
        assertEquals(3, e.point());
        assertTrue(Double.isNaN(e.low()) && Double.isNaN(e.high()));
    }
}
