package dev.benchbook.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a run records about the requests of its measured window; pure bookkeeping, no clock and no I/O, so
 * the open-model arithmetic can be checked with made-up times. All times are {@link System#nanoTime()} values.
 *
 * <p>Open model: a latency runs from the request's scheduled time to its response, so time spent waiting for
 * a connection or for the generator counts. Closed loop: from the moment it was sent. Latencies are of
 * successful responses (status below 400); error responses are counted by kind. The generator's own lag is
 * how late a request was sent after it was both due and had a free connection; a request is late when it was
 * sent more than {@link #LATE_NS} after its scheduled time, for any reason.
 */
final class Recording {
    /** A request sent more than this after its scheduled time is counted as late: 1 ms. */
    static final long LATE_NS = 1_000_000L;
    /** Highest latency the histograms track: one hour, far above any run's bound. */
    static final long HIGHEST_NS = 3_600_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final boolean openModel;
    private final long windowStart;
    private final long windowEnd;
    final Histogram latency = new Histogram(1, HIGHEST_NS, 3);
    final Histogram lag = new Histogram(1, HIGHEST_NS, 3);
    private final List<Histogram> perSecondLatency = new ArrayList<>();
    private final List<long[]> perSecond = new ArrayList<>(); // scheduled, ok completed in that second, errors, dropped
    private final EnumMap<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
    long requests;
    long ok;
    long errorCount;
    long dropped;
    long late;
    long lastDone;

    /**
     * @param openModel true to measure from the scheduled time, false (closed loop) from the send time
     * @param windowStart first instant of the measured window
     * @param windowEnd end of the measured window (exclusive)
     */
    Recording(boolean openModel, long windowStart, long windowEnd) {
        this.openModel = openModel;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.lastDone = windowStart;
    }

    /** True when a request scheduled at {@code scheduled} is measured. */
    boolean measured(long scheduled) {
        return scheduled >= windowStart && scheduled < windowEnd;
    }

    /** A measured request was scheduled (open model: as it becomes due; closed loop: as it is sent). */
    void scheduled(long scheduled) {
        requests++;
        second(scheduled)[0]++;
    }

    /** A measured request was dropped without being sent. */
    void dropped(long scheduled) {
        dropped++;
        second(scheduled)[3]++;
    }

    /**
     * A measured request was sent at {@code sent}; it was due at {@code scheduled} and its connection had
     * room from {@code free}.
     */
    void sent(long scheduled, long free, long sent) {
        lag.recordValue(Math.max(0, sent - Math.max(scheduled, free)));
        if (sent - scheduled > LATE_NS) {
            late++;
        }
    }

    /** A measured request got a complete response of {@code status} at {@code done}. */
    void response(int status, long scheduled, long sent, long done) {
        ErrorKind kind = ErrorKind.ofStatus(status);
        if (kind != null) {
            error(kind, scheduled);
            return;
        }
        ok++;
        lastDone = Math.max(lastDone, done);
        long v = Math.max(1, done - (openModel ? scheduled : sent));
        latency.recordValue(Math.min(v, HIGHEST_NS));
        int s = (int) ((scheduled - windowStart) / SECOND);
        while (perSecondLatency.size() <= s) {
            Histogram h = new Histogram(2);
            h.setAutoResize(true);
            perSecondLatency.add(h);
        }
        perSecondLatency.get(s).recordValue(Math.min(v, HIGHEST_NS));
        long[] doneSecond = second(Math.max(done, windowStart));
        doneSecond[1]++;
    }

    /** A measured request failed. */
    void error(ErrorKind kind, long scheduled) {
        errorCount++;
        errors.merge(kind, 1L, Long::sum);
        second(scheduled)[2]++;
    }

    /** The requests that failed, by kind; only kinds that occurred. */
    Map<ErrorKind, Long> errors() {
        return new EnumMap<>(errors);
    }

    /** Seconds of the window with their counts: scheduled, ok by completion time, errors, dropped. */
    List<long[]> perSecond() {
        return perSecond;
    }

    /** The latency histogram of second {@code s} (by scheduled time), or null when none completed. */
    Histogram secondLatency(int s) {
        return s < perSecondLatency.size() ? perSecondLatency.get(s) : null;
    }

    /**
     * Responses per second: successful responses over the window, or over the time from its start to the last
     * response when that is longer (a server that answers only by running late does not keep up).
     */
    double achievedRps() {
        long span = Math.max(windowEnd - windowStart, lastDone - windowStart);
        return span <= 0 ? 0 : ok * 1e9 / span;
    }

    private long[] second(long t) {
        int s = (int) ((t - windowStart) / SECOND);
        while (perSecond.size() <= s) {
            perSecond.add(new long[4]);
        }
        return perSecond.get(s);
    }
}
