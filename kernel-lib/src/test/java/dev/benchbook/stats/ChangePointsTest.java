package dev.benchbook.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangePointsTest {

    private static double[] levels(long seed, double sd, double[] means, int each) {
        Random r = new Random(seed);
        double[] x = new double[means.length * each];
        for (int i = 0; i < x.length; i++) {
            x[i] = means[i / each] + sd * r.nextGaussian();
        }
        return x;
    }

    @Test
    void energyStatisticOfAHandWorkedStepPeaksAtTheStep() {
        double[] x = {1, 1, 1, 1, 5, 5, 5, 5};
        // At τ = 4: m = k = 4, Σ|a−b| = 16 pairs × 4 = 64, no spread within: E = 2·64/16 = 8, Q = (16/8)·8 = 16.
        // At τ = 3: Σ|a−b| = 3·16 = 48, Σ|b−b'| = 4·4 = 16 over C(5,2) = 10 pairs: E = 96/15 − 16/10 = 4.8,
        // Q = (15/8)·4.8 = 9. So the candidate is 4 with Q = 16.
        ChangePoints.Candidate c = ChangePoints.candidate(x, 0, x.length, 3);
        assertEquals(4, c.index());
        assertEquals(16.0, c.q(), 1e-12);
        List<ChangePoint> cps = ChangePoints.detect(x, ChangePoints.MAX_P_VALUE, 3);
        assertEquals(1, cps.size());
        ChangePoint cp = cps.get(0);
        assertEquals(4, cp.index());
        assertEquals(1.0, cp.meanBefore(), 0);
        assertEquals(5.0, cp.meanAfter(), 0);
        assertEquals(4.0, cp.magnitude(), 1e-12);
        assertEquals(0.0, cp.pValue(), 0, "two constant, different sides");
    }

    @Test
    void aTenPercentStepInNoiseIsFoundWhereItIs() {
        double[] x = levels(7, 1.0, new double[] {100, 110}, 30);
        List<ChangePoint> cps = ChangePoints.detect(x);
        assertEquals(1, cps.size(), cps.toString());
        assertEquals(30, cps.get(0).index());
        assertEquals(0.10, cps.get(0).magnitude(), 0.01);
        assertTrue(cps.get(0).pValue() < 1e-10, cps.toString());
    }

    @Test
    void flatNoisySeriesRarelyShowAChange() {
        // A test at p < 0.001 on the most extreme split, Bonferroni-adjusted: on 200 flat series of 60
        // values, at most 1% may show a change (the seeds are fixed, so the count is too).
        int flagged = 0;
        for (long seed = 1; seed <= 200; seed++) {
            flagged += ChangePoints.detect(levels(seed, 1.0, new double[] {100}, 60)).isEmpty() ? 0 : 1;
        }
        assertTrue(flagged <= 2, flagged + " of 200 flat series flagged");
    }

    @Test
    void twoStepsAreBothFoundAndReportedInIndexOrder() {
        double[] x = levels(3, 1.0, new double[] {100, 120, 90}, 25);
        List<ChangePoint> cps = ChangePoints.detect(x);
        assertEquals(List.of(25, 50), cps.stream().map(ChangePoint::index).toList(), cps.toString());
        assertEquals(0.20, cps.get(0).magnitude(), 0.02);
        assertEquals(-0.25, cps.get(1).magnitude(), 0.02);
    }

    @Test
    void theSameSeriesGivesTheSameAnswer() {
        double[] x = levels(11, 2.0, new double[] {50, 55, 50, 60}, 15);
        assertEquals(ChangePoints.detect(x), ChangePoints.detect(x.clone()));
    }

    @Test
    void seriesTooShortForTwoSegmentsHaveNone() {
        assertEquals(List.of(), ChangePoints.detect(new double[] {1, 2, 100, 101, 102}));
        assertEquals(List.of(), ChangePoints.detect(new double[0]));
    }

    @Test
    void badInputNamesTheValueAndTheRule() {
        var e = assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new double[] {1, Double.NaN, 3}));
        assertTrue(e.getMessage().startsWith("series[1] = NaN: every value must be finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new double[] {1, 2}, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new double[] {1, 2}, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(null));
    }

    @Test
    void longSeriesAreSearchedInWindowsAndKeepTheirSteps() {
        // 20,000 values, noise sd 1, steps of +5 at 4,000, -3 at 9,000 and +4 at 15,500: found within a few
        // indices; a flat series of the same length has none.
        java.util.Random rnd = new java.util.Random(7);
        double[] x = new double[20_000];
        double[] flat = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double level = i < 4_000 ? 100 : i < 9_000 ? 105 : i < 15_500 ? 102 : 106;
            x[i] = level + rnd.nextGaussian();
            flat[i] = 100 + rnd.nextGaussian();
        }
        List<ChangePoint> found = ChangePoints.detect(x);
        assertEquals(3, found.size(), found.toString());
        int[] expected = {4_000, 9_000, 15_500};
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(found.get(i).index() - expected[i]) <= 3, found.toString());
        }
        assertEquals(0, ChangePoints.detect(flat).size(), ChangePoints.detect(flat).toString());
    }
}
