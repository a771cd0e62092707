package dev.benchbook.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The knobs that every server to aim loads at shares, and what they do to a response: the port, the handler
 * threads, the status and body of every response, a busy-spin of CPU work per request, and injected stalls.
 * {@link LoopbackServer.Builder} and the suites' Jetty server extend it, so both validate alike and answer
 * alike; {@code B} is the extending builder, returned by every setter.
 *
 * @param <B> the builder type
 */
public abstract class ServerSettings<B extends ServerSettings<B>> {
    private int port;
    private int threads;
    private final int minThreads;
    private final String threadsRule;
    private int status = 200;
    private byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
    private long workNs;
    private long stallEveryNs;
    private long stallNs;

    /**
     * Settings with the defaults: any free port, {@code defaultThreads} threads, status 200, body
     * {@code "hello\n"}, no work, no stall.
     *
     * @param defaultThreads the thread count unless {@link #threads} says otherwise
     * @param minThreads the fewest threads the server works with
     * @param threadsRule why, for the error of a smaller count; empty when there is nothing to say
     */
    protected ServerSettings(int defaultThreads, int minThreads, String threadsRule) {
        this.threads = defaultThreads;
        this.minThreads = minThreads;
        this.threadsRule = threadsRule;
    }

    /** This builder, as its own type. */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The port, 0 (the default) for any free one. */
    public B port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port(" + port + "): must be in 0..65535; 0 picks a free port");
        }
        this.port = port;
        return self();
    }

    /** The server's threads, from the server's minimum to 256. */
    public B threads(int n) {
        if (n < minThreads || n > 256) {
            throw new IllegalArgumentException("threads(" + n + "): must be in " + minThreads + "..256"
                    + (threadsRule.isEmpty() ? "" : "; " + threadsRule));
        }
        this.threads = n;
        return self();
    }

    /** The status of every response, 200..599 but not 204 or 304 (they carry no body); default 200. */
    public B status(int status) {
        if (status < 200 || status > 599 || status == 204 || status == 304) {
            throw new IllegalArgumentException("status(" + status + "): must be in 200..599 and not 204 or 304, "
                    + "so that the response has a body");
        }
        this.status = status;
        return self();
    }

    /** The body of every response (UTF-8); default {@code "hello\n"}. */
    public B body(String text) {
        if (text == null) {
            throw new IllegalArgumentException("body(null): give a string, \"\" for an empty body");
        }
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return self();
    }

    /** CPU work per request: the handler spins this long before answering, [0, 1 s]; default 0. */
    public B work(Duration d) {
        if (d == null || d.isNegative() || d.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("work(" + d + "): must be in [0, 1 s]; e.g. Duration.ofMicros(50)");
        }
        this.workNs = d.toNanos();
        return self();
    }

    /**
     * Pauses all responses for {@code length} out of every {@code every}, counted from the server's start:
     * a response due inside a pause is held until the pause ends. {@code length} must be shorter than
     * {@code every}, both positive, {@code every} at most 60 s.
     */
    public B stall(Duration every, Duration length) {
        if (every == null || length == null || every.isNegative() || every.isZero() || length.isNegative()
                || length.isZero() || length.compareTo(every) >= 0 || every.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("stall(every=" + every + ", length=" + length + "): both must be "
                    + "positive, length < every <= 60 s; e.g. stall(Duration.ofSeconds(1), Duration.ofMillis(200))");
        }
        this.stallEveryNs = every.toNanos();
        this.stallNs = length.toNanos();
        return self();
    }

    /** The port asked for; 0 for any free one. */
    public int port() {
        return port;
    }

    /** The thread count. */
    public int threads() {
        return threads;
    }

    /** The status of every response. */
    public int status() {
        return status;
    }

    /** The body of every response; a copy. */
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** Spins for the configured {@link #work} on the calling thread; returns at once without work. */
    public void spinWork() {
        if (workNs > 0) {
            long end = System.nanoTime() + workNs;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * How long a response begun now must be held because a stall is under way: 0 outside stalls.
     *
     * @param startedNs the server's start on {@link System#nanoTime()}, from which stalls are counted
     */
    public long holdNanos(long startedNs) {
        if (stallEveryNs == 0) {
            return 0;
        }
        long into = (System.nanoTime() - startedNs) % stallEveryNs;
        return into < stallNs ? stallNs - into : 0;
    }

    /**
     * Parks the calling thread through the stall under way, if any ({@link #holdNanos}).
     *
     * @return false if the thread was interrupted while held (the server is closing)
     */
    public boolean holdThroughStall(long startedNs) {
        long hold = holdNanos(startedNs);
        if (hold == 0) {
            return true;
        }
        long until = System.nanoTime() + hold;
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
