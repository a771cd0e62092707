package dev.benchbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final long S = 1_000_000_000L;

    private static List<long[]> all(Schedule s) {
        List<long[]> out = new ArrayList<>();
        while (s.next() >= 0) {
            out.add(new long[] {s.next(), s.nextMeasured() ? 1 : 0});
            s.advance();
        }
        return out;
    }

    @Test
    void aSteadyRateSendsOneRequestEveryIntervalAfterTheWarmup() {
        List<long[]> times = all(new Schedule(1000, S / 2, 4000, 4000, 2 * S));
        long warm = times.stream().filter(t -> t[1] == 0).count();
        assertEquals(500, warm);
        assertEquals(8000, times.size() - warm);
        for (int i = 0; i < 500; i++) {
            assertEquals(i * 1_000_000L, times.get(i)[0]);
        }
        for (int k = 0; k < 8000; k++) {
            long[] t = times.get(500 + k);
            assertEquals(1, t[1]);
            assertEquals(S / 2 + k * 250_000.0, t[0], 1.0, "request " + k);
        }
    }

    @Test
    void aRampSpeedsUpLinearlyAndSchedulesTheMeanRateTimesItsLength() {
        Schedule s = new Schedule(100, 0, 1000, 3000, 4 * S);
        assertEquals(8000.0, s.measuredCount(), 1.0);
        List<long[]> times = all(new Schedule(100, 0, 1000, 3000, 4 * S));
        // the rate at t is 1000 + 500 t: the gap between arrivals near t is about 1 / r(t)
        for (double at : new double[] {0.5, 2.0, 3.5}) {
            int i = 0;
            while (times.get(i)[0] < at * S) {
                i++;
            }
            double gapNs = times.get(i + 1)[0] - times.get(i)[0];
            assertEquals(1e9 / (1000 + 500 * at), gapNs, 1e9 / (1000 + 500 * at) * 1e-3, "gap at " + at + " s");
        }
        assertEquals(1000 + 500 * 2.0, s.rateAt(2 * S), 1e-9);
        assertEquals(2000, s.meanRate(), 1e-9);
    }

    @Test
    void noWarmupMeansTheFirstRequestIsMeasured() {
        Schedule s = new Schedule(10, 0, 10, 10, S);
        assertTrue(s.nextMeasured());
        assertEquals(0, s.next());
        assertEquals(10, all(s).size());
        assertFalse(s.next() >= 0);
    }
}
