package dev.benchbook.harness;

/**
 * Reads cumulative resource counters as seen from the calling thread. Values are cumulative, so the
 * harness subtracts a snapshot taken before a batch from one taken after it.
 */
public interface ThreadMetrics {

    /** A point-in-time reading; -1 for a counter that the platform does not provide. */
    record Snapshot(long cpuNs, long allocatedBytes, long gcCount, long gcTimeMs) {}

    /**
     * Reads all counters for the calling thread just before a timed region: the allocation counter
     * is read last, so that the reading itself is not counted.
     */
    Snapshot begin();

    /**
     * Reads all counters for the calling thread just after a timed region: the allocation counter is
     * read first, so that the reading itself is not counted.
     */
    Snapshot end();

    /** The JVM's own counters ({@code com.sun.management.ThreadMXBean} and the GC beans). */
    static ThreadMetrics jvm() {
        return JvmThreadMetrics.INSTANCE;
    }
}
