package dev.benchbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.stats.Estimate;
import org.junit.jupiter.api.Test;

class RatioPlotTest {
    @Test
    void ratioIntervalPropagatesRelativeHalfWidthsOnTheLogScale() {
        Estimate r = RatioPlot.ratio(new Estimate(200, 190, 210, 0.999), new Estimate(100, 95, 105, 0.999));
        double w = Math.sqrt(0.05 * 0.05 + 0.05 * 0.05);
        assertEquals(2.0, r.point(), 1e-12);
        assertEquals(2.0 * Math.exp(-w), r.low(), 1e-12);
        assertEquals(2.0 * Math.exp(w), r.high(), 1e-12);
        assertEquals(0.999, r.confidence());
        assertTrue(r.low() > 0);
    }

    @Test
    void ratioOfAnExactMeanKeepsOnlyTheOtherUncertainty() {
        Estimate r = RatioPlot.ratio(new Estimate(50, 50, 50, 0.95), new Estimate(100, 90, 110, 0.95));
        assertEquals(0.5 * Math.exp(-0.1), r.low(), 1e-12);
        assertEquals(0.5 * Math.exp(0.1), r.high(), 1e-12);
    }

    @Test
    void ratioRefusesMixedLevelsAndNonPositiveMeans() {
        IllegalArgumentException levels = assertThrows(IllegalArgumentException.class,
                () -> RatioPlot.ratio(new Estimate(1, 0.9, 1.1, 0.99), new Estimate(1, 0.9, 1.1, 0.999)));
        assertEquals("ratio(confidence=0.99 vs baseline 0.999): both intervals must have the same level;"
                + " recompute them at one", levels.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RatioPlot.ratio(new Estimate(1, 0.9, 1.1, 0.99), new Estimate(0, 0, 0, 0.99)));
    }

    @Test
    void ratioWithoutAnIntervalHasNaNBounds() {
        Estimate r = RatioPlot.ratio(new Estimate(2, Double.NaN, Double.NaN, 0.999), new Estimate(1, 0.9, 1.1, 0.999));
        assertEquals(2.0, r.point());
        assertTrue(Double.isNaN(r.low()) && Double.isNaN(r.high()));
    }
}
