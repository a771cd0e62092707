package dev.benchbook.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogDeltaTest {
    @Test
    void welchMatchesHandWorkedValues() {
        // Baseline mean 2.0, sample variance 0.00625 (n 5); candidate mean 2.25, variance 0.0166667 (n 4):
        // se = sqrt(0.00125 + 0.0041667) = 0.0735980, t = 3.396831, Welch-Satterthwaite df = 4.749415,
        // two-sided p = 0.020931 (Simpson integration of the t density, 200,000 steps).
        LogDelta d = LogDelta.welch(new double[] {2.0, 1.9, 2.1, 2.05, 1.95}, new double[] {2.1, 2.3, 2.2, 2.4});
        assertEquals(0.25, d.estimate(), 1e-12);
        assertEquals(4.749415, d.degreesOfFreedom(), 1e-6);
        assertEquals(0.0735980, d.standardError(), 1e-7);
        assertEquals(0.020931, d.pValue(), 1e-6);
    }

    @Test
    void pairedMatchesR() {
        // Mean 0.03, sd 0.0158114, se 0.00707107, t = 4.242641 on 4 df: two-sided p = 0.0132356 (Simpson
        // integration of the t density); 95% interval 0.03 ± qt(0.975, 4) · se = 0.03 ± 2.776445 · 0.00707107.
        LogDelta d = LogDelta.paired(new double[] {0.02, 0.05, 0.01, 0.04, 0.03});
        assertEquals(0.03, d.estimate(), 1e-12);
        assertEquals(4, d.degreesOfFreedom());
        assertEquals(0.0132356, d.pValue(), 1e-6);
        assertArrayEquals(new double[] {0.01036757, 0.04963243}, d.interval(0.95), 1e-6);
    }

    @Test
    void minimumDetectableEffectIsTheSumOfTheTwoQuantiles() {
        // t table: t(0.975, 10) + t(0.8, 10) = 2.228139 + 0.879058 = 3.107197
        LogDelta d = new LogDelta(0, 0.01, 10);
        assertEquals(0.03107197, d.minimumDetectable(0.05, 0.8), 1e-6);
        assertEquals(10.517, LogDelta.percent(Math.log(1.10517)), 1e-9);
    }

    @Test
    void holmMatchesRsPAdjust() {
        // Hand-worked, as R's p.adjust(..., "holm"): sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 gives
        // 0.02, 0.03, 0.06, 0.04, made monotone: 0.02, 0.03, 0.06, 0.06; NA stays NA and does not count.
        double[] adj = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005, Double.NaN});
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02, Double.NaN}, adj, 1e-12);
    }
}
