package dev.benchbook.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes a selector at a {@link System#nanoTime()} deadline, from a daemon thread that parks until then:
 * {@code Selector.select} times out only in whole milliseconds, and a request due in 300 µs must not wait a
 * millisecond. The event loop {@link #arm arms} it before blocking; a wake-up for a deadline the loop has
 * already passed is harmless (its {@code select} returns with nothing ready and the loop looks again).
 */
final class WakeTimer implements AutoCloseable {
    private final Selector selector;
    private final AtomicLong target = new AtomicLong();
    private final Thread thread;
    private volatile boolean stop;
    private volatile long cpuNs;

    WakeTimer(Selector selector) {
        this.selector = selector;
        this.thread = new Thread(this::run, "benchbook load timer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Wakes the selector at {@code deadline} (a nanoTime), replacing any earlier deadline. */
    void arm(long deadline) {
        if (target.getAndSet(deadline) != deadline) {
            LockSupport.unpark(thread);
        }
    }

    /** CPU time of the timer's thread, nanoseconds; known once closed. */
    long cpuNanos() {
        return cpuNs;
    }

    private void run() {
        while (!stop) {
            long t = target.get();
            if (t == 0) {
                LockSupport.park(this);
                continue;
            }
            long left = t - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(this, left);
                continue;
            }
            if (target.compareAndSet(t, 0)) {
                selector.wakeup();
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx.isCurrentThreadCpuTimeSupported()) {
            cpuNs = mx.getCurrentThreadCpuTime();
        }
    }

    /** Ends the thread (within 1 s). */
    @Override
    public void close() {
        stop = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
