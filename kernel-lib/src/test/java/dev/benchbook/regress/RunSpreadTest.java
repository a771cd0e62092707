package dev.benchbook.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.stats.LogDelta;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunSpreadTest {
    @Test
    void needsTenRuns() {
        assertNull(RunSpread.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertEquals(10, RunSpread.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).runs());
    }

    @Test
    void degreesOfFreedomAreFarFewerThanRunsMinusOne() {
        assertEquals(3.55, new RunSpread(0.01, 10).degreesOfFreedom(), 1e-12);
        assertEquals(8.05, new RunSpread(0.01, 20).degreesOfFreedom(), 1e-12);
        assertEquals(1.3, new RunSpread(0.01, 5).degreesOfFreedom(), 1e-12);
        assertEquals(1, new RunSpread(0.01, 2).degreesOfFreedom(), 1e-12);
    }

    /**
     * The history test (one run a side, the spread of the runs up to the baseline) on independent normal
     * runs: at a nominal 1% it must flag about 1%. With runs − 1 degrees of freedom it flagged 3.6% at
     * 10 runs and 2.1% at 20 (the labeled evaluation's simulation).
     */
    @Test
    void historyTestHoldsItsFalseAlarmRateOnIndependentRuns() {
        Random rnd = new Random(11);
        int draws = 6_000;
        for (int runs : new int[] {10, 15, 20}) {
            int alarms = 0;
            for (int i = 0; i < draws; i++) {
                double[] history = new double[runs];
                for (int k = 0; k < runs; k++) {
                    history[k] = 1000 * Math.exp(0.02 * rnd.nextGaussian());
                }
                double candidate = 1000 * Math.exp(0.02 * rnd.nextGaussian());
                RunSpread s = RunSpread.of(history);
                LogDelta d = new LogDelta(Math.log(candidate / history[runs - 1]), s.logSigma() * Math.sqrt(2),
                        s.degreesOfFreedom());
                if (d.pValue() < 0.01) {
                    alarms++;
                }
            }
            double rate = (double) alarms / draws;
            assertTrue(rate <= 0.014 && rate >= 0.004, runs + " runs: false-alarm rate " + rate);
        }
    }
}
