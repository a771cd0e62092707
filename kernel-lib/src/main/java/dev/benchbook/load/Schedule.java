package dev.benchbook.load;

/**
 * The arrival times of an open-model run, as nanosecond offsets from its start: a warmup at a constant rate,
 * then the measured window, whose rate goes linearly from {@code fromRate} to {@code toRate} (equal for a
 * steady run). Request {@code k} of a window of rate {@code r(t) = a + c·t} arrives when the expected count
 * {@code a·t + c·t²/2} reaches {@code k}, so a steady window sends one request every {@code 1/r} seconds
 * from its first instant. Pure arithmetic, no clock: the event loop compares these times with its own.
 */
final class Schedule {
    private final double warmupRate;
    private final long warmupNs;
    private final double fromRate;
    private final double toRate;
    private final long durationNs;
    private boolean measured;
    private long k;
    private long next;

    Schedule(double warmupRate, long warmupNs, double fromRate, double toRate, long durationNs) {
        this.warmupRate = warmupRate;
        this.warmupNs = warmupNs;
        this.fromRate = fromRate;
        this.toRate = toRate;
        this.durationNs = durationNs;
        this.measured = warmupNs == 0;
        this.next = 0;
    }

    /** Offset of the next request, or -1 when the schedule is over. */
    long next() {
        return next;
    }

    /** True when the next request falls in the measured window. */
    boolean nextMeasured() {
        return measured;
    }

    /** Moves on to the request after {@link #next()}. */
    void advance() {
        if (next < 0) {
            return;
        }
        k++;
        if (!measured) {
            long t = (long) (k * 1e9 / warmupRate);
            if (t < warmupNs) {
                next = t;
                return;
            }
            measured = true;
            k = 0;
        }
        long t = windowOffset(k);
        next = t < 0 || t >= durationNs ? -1 : warmupNs + t;
    }

    /** Start of the measured window, ns from the run's start. */
    long measuredStartNs() {
        return warmupNs;
    }

    /** End of the measured window (exclusive), ns from the run's start. */
    long measuredEndNs() {
        return warmupNs + durationNs;
    }

    /** The target rate at {@code offsetNs} into the measured window, requests per second. */
    double rateAt(long offsetNs) {
        return fromRate + (toRate - fromRate) * offsetNs / (double) durationNs;
    }

    /** The mean target rate of the measured window, requests per second. */
    double meanRate() {
        return (fromRate + toRate) / 2;
    }

    /** Offset of request {@code k} of the measured window from the window's start, ns; -1 past its end. */
    long windowOffset(long k) {
        double a = fromRate;
        double c = (toRate - fromRate) / (durationNs / 1e9);
        double seconds;
        if (Math.abs(c) < 1e-12) {
            seconds = k / a;
        } else {
            double disc = a * a + 2 * c * k;
            if (disc < 0) {
                return -1; // a ramp down to zero never reaches this count
            }
            seconds = (Math.sqrt(disc) - a) / c;
        }
        return (long) (seconds * 1e9);
    }

    /** The number of requests the measured window schedules. */
    long measuredCount() {
        long n = 0;
        while (true) {
            long t = windowOffset(n);
            if (t < 0 || t >= durationNs) {
                return n;
            }
            n++;
        }
    }
}
