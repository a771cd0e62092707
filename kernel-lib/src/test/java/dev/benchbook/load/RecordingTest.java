package dev.benchbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The open-model arithmetic, on made-up nanoTime values. */
class RecordingTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void anOpenModelLatencyRunsFromTheScheduledTimeAndAClosedLoopOneFromTheSend() {
        Recording open = new Recording(true, 0, S);
        Recording closed = new Recording(false, 0, S);
        for (Recording r : new Recording[] {open, closed}) {
            // due at 10 ms, its connection busy until 14 ms, sent at 15 ms, answered at 16 ms
            r.scheduled(10 * MS);
            r.sent(10 * MS, 14 * MS, 15 * MS);
            r.response(200, 10 * MS, 15 * MS, 16 * MS);
        }
        assertEquals(6 * MS, open.latency.getMaxValue(), open.latency.getMaxValue() * 0.001);
        assertEquals(1 * MS, closed.latency.getMaxValue(), closed.latency.getMaxValue() * 0.001);
        // the generator itself was late by 1 ms (free at 14, sent at 15); the request by 5 ms, so it is late
        assertEquals(1 * MS, open.lag.getMaxValue(), MS * 0.001);
        assertEquals(1, open.late);
    }

    @Test
    void aStallDelaysEveryRequestScheduledDuringItInTheOpenModel() {
        // 1000 rps for 1 s; the server answers in 0.1 ms but holds everything from 500 to 700 ms
        Recording r = new Recording(true, 0, S);
        for (int k = 0; k < 1000; k++) {
            long due = k * MS;
            long done = due >= 500 * MS && due < 700 * MS ? 700 * MS + 100_000 : due + 100_000;
            r.scheduled(due);
            r.sent(due, due, due);
            r.response(200, due, due, done);
        }
        // 200 of 1000 requests waited 0–200 ms, evenly: the 100th longest wait is about 100 ms (the p90) and the
        // 10th longest about 190 ms (the p99); the median is the server's 0.1 ms
        assertEquals(100.0 * MS, r.latency.getValueAtPercentile(90), 2.0 * MS);
        assertEquals(190.0 * MS, r.latency.getValueAtPercentile(99), 2.0 * MS);
        assertEquals(100_000.0, r.latency.getValueAtPercentile(50), 1000.0);
    }

    @Test
    void everyScheduledRequestIsOkAnErrorOrDropped() {
        Recording r = new Recording(true, S, 3 * S);
        long[] due = {S, S + 1, S + 2, S + 3, 2 * S, 2 * S + 1};
        for (long d : due) {
            r.scheduled(d);
        }
        r.response(200, due[0], due[0], due[0] + MS);
        r.response(500, due[1], due[1], due[1] + MS);
        r.response(404, due[2], due[2], due[2] + MS);
        r.error(ErrorKind.TIMEOUT, due[3]);
        r.dropped(due[4]);
        r.response(204, due[5], due[5], due[5] + MS);
        assertEquals(6, r.requests);
        assertEquals(2, r.ok);
        assertEquals(3, r.errorCount);
        assertEquals(1, r.dropped);
        assertEquals(r.requests, r.ok + r.errorCount + r.dropped);
        assertEquals(Map.of(ErrorKind.STATUS_5XX, 1L, ErrorKind.STATUS_4XX, 1L, ErrorKind.TIMEOUT, 1L), r.errors());
        long[] first = r.perSecond().get(0);
        assertEquals(4, first[0]);
        assertEquals(3, first[2]);
        assertEquals(1, r.perSecond().get(1)[3]);
    }

    @Test
    void achievedRateCountsTheTimeUntilTheLastResponse() {
        Recording r = new Recording(true, 0, S);
        for (int k = 0; k < 100; k++) {
            r.scheduled(k * 10 * MS);
            r.response(200, k * 10 * MS, k * 10 * MS, k * 10 * MS + MS);
        }
        assertEquals(100, r.achievedRps(), 1e-9);
        r.scheduled(999 * MS);
        r.response(200, 999 * MS, 999 * MS, 2 * S); // one answered a second late: the span is 2 s
        assertEquals(101 / 2.0, r.achievedRps(), 1e-9);
        assertEquals(0, r.perSecond().get(1)[0]);
        assertEquals(1, r.perSecond().get(2)[1]);
    }

    @Test
    void requestsOutsideTheWindowAreNotMeasured() {
        Recording r = new Recording(true, S, 2 * S);
        assertEquals(false, r.measured(S - 1));
        assertEquals(true, r.measured(S));
        assertEquals(false, r.measured(2 * S));
    }
}
