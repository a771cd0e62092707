package dev.benchbook.calibration.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static Measurement m(Tool tool, int round, double mean, double halfWidth, double wall) {
        return new Measurement("w", tool, round, mean, mean - halfWidth, mean + halfWidth, 5, "fixed", wall, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void combinesRoundsAsMeanOfMeansWithHalfWidthsAddedInQuadrature() {
        Combined c = Comparison.combine(List.of(m(Tool.JMH, 1, 100, 3, 9), m(Tool.JMH, 2, 110, 4, 11)));
        assertEquals(105, c.meanNs(), 1e-12);
        assertEquals(105 - 2.5, c.lowNs(), 1e-12);
        assertEquals(105 + 2.5, c.highNs(), 1e-12);
        assertEquals(10, c.meanWallSeconds(), 1e-12);
        assertArrayEquals(new double[] {100, 110}, c.roundMeansNs());
        assertEquals(5.0 / 105, c.roundSpread(), 1e-12);
    }

    @Test
    void keepsAsymmetricIntervalsAsymmetric() {
        var r = new Measurement("w", Tool.BENCHBOOK, 1, 10, 9, 13, 7, "target_met", 1, Double.NaN, Double.NaN, Double.NaN);
        Combined c = Comparison.combine(List.of(r));
        assertEquals(9, c.lowNs(), 1e-12);
        assertEquals(13, c.highNs(), 1e-12);
    }

    @Test
    void rejectsNoRoundsAndMixedTools() {
        assertThrows(IllegalArgumentException.class, () -> Comparison.combine(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Comparison.combine(List.of(m(Tool.JMH, 1, 1, 0, 1), m(Tool.BENCHBOOK, 1, 1, 0, 1))));
    }

    @Test
    void medianTakesMiddleOrMeanOfTwoMiddles() {
        assertEquals(2, Comparison.median(new double[] {3, 1, 2}), 0);
        assertEquals(2.5, Comparison.median(new double[] {4, 1, 3, 2}), 0);
        assertThrows(IllegalArgumentException.class, () -> Comparison.median(new double[0]));
    }

    @Test
    void earlyDriftComparesFirstFifthWithTheRest() {
        assertEquals(1.0, Comparison.earlyDrift(new double[] {20, 20, 10, 10, 10, 10, 10, 10, 10, 10}), 1e-12);
        assertEquals(0.5, Comparison.earlyDrift(new double[] {15, 10, 10}), 1e-12);
        assertEquals(Double.NaN, Comparison.earlyDrift(new double[] {1}));
    }

    @Test
    void rowBoundsTheRatioByBothIntervals() {
        Combined jmh = Comparison.combine(List.of(m(Tool.JMH, 1, 100, 10, 1)));
        Combined bb = Comparison.combine(List.of(m(Tool.BENCHBOOK, 1, 120, 12, 1)));
        Row r = new Row("w", Role.AGREEMENT, jmh, bb, "");
        assertEquals(1.2, r.ratio(), 1e-12);
        assertEquals(108.0 / 110, r.ratioLow(), 1e-12);
        assertEquals(132.0 / 90, r.ratioHigh(), 1e-12);
        assertEquals(true, r.agreesWithinErrors());
        Row apart = new Row("w", Role.AGREEMENT, jmh, Comparison.combine(List.of(m(Tool.BENCHBOOK, 1, 130, 5, 1))), "");
        assertEquals(false, apart.agreesWithinErrors());
    }

    @Test
    void deviationIsDistanceFromOne() {
        assertEquals(0.05, Comparison.deviation(0.95), 1e-12);
        assertEquals(0.05, Comparison.deviation(1.05), 1e-12);
    }
}
