package dev.benchbook.harness;

/** A monotonic nanosecond clock; {@link #SYSTEM} in production, a fake in tests. */
@FunctionalInterface
public interface Clock {
    /** The system's monotonic clock, {@link System#nanoTime()}. */
    Clock SYSTEM = System::nanoTime;

    /** Current time in nanoseconds from an arbitrary origin. */
    long nanoTime();
}
