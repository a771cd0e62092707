package dev.benchbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The knee rule, on results made from made-up recordings. */
class SweepResultTest {
    private static final long S = 1_000_000_000L;
    private static final long US = 1_000L;

    /** A 1 s run at {@code rate} whose {@code okShare} of requests succeed in {@code latencyNs}, the rest drop. */
    private static LoadResult run(double rate, double okShare, long latencyNs, int errors) {
        LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:1/"), new InetSocketAddress("127.0.0.1", 1),
                new byte[1], true, rate, rate, 0, S, 8, 1, S, S, -1);
        Recording r = new Recording(true, 0, S);
        long n = (long) rate;
        for (long k = 0; k < n; k++) {
            long due = (long) (k * 1e9 / rate);
            r.scheduled(due);
            if (k < errors) {
                r.error(ErrorKind.STATUS_5XX, due);
            } else if (k < okShare * n) {
                r.response(200, due, due, due + latencyNs);
            } else {
                r.dropped(due);
            }
        }
        return new LoadResult(plan, r, Double.NaN, ServerSampler.Stats.unknown("none"), List.of());
    }

    @Test
    void theKneeIsTheLastRateThatKeepsUpBeforeTheFirstThatDoesNot() {
        SweepResult s = new SweepResult(List.of(run(1000, 1, 100 * US, 0), run(2000, 1, 200 * US, 0),
                run(4000, 0.9, 300 * US, 0), run(8000, 1, 100 * US, 0)));
        Knee k = s.knee();
        assertEquals(2000, k.rps());
        assertEquals(1_000_000, k.p99BoundNs(), 1_000, "10 x 100 us is under the 1 ms floor");
        assertTrue(k.reason().startsWith("4000 rps did not keep up: achieved"), k.reason());
        assertEquals(4, s.table().rowCount());
    }

    @Test
    void p99OverTheBoundOrAnyErrorEndsTheKnee() {
        SweepResult slow = new SweepResult(List.of(run(1000, 1, 200 * US, 0), run(2000, 1, 3_000 * US, 0)));
        assertEquals(1000, slow.knee().rps());
        assertEquals(2000, slow.knee(0.95, 5e6).rps(), "a looser bound lets 3 ms pass");
        SweepResult failing = new SweepResult(List.of(run(1000, 1, 100 * US, 0), run(2000, 1, 100 * US, 3)));
        assertEquals(1000, failing.knee().rps());
        assertTrue(failing.knee().reason().contains("3 errors"), failing.knee().reason());
    }

    @Test
    void noKneeWhenTheLowestRateFails() {
        Knee k = new SweepResult(List.of(run(1000, 0.5, 100 * US, 0))).knee();
        assertFalse(k.found());
        assertTrue(k.toString().startsWith("no knee"), k.toString());
        assertThrows(IllegalArgumentException.class, () -> new SweepResult(List.of(run(10, 1, US, 0))).knee(0, 1e6));
    }
}
