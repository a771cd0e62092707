package dev.benchbook.harness;

/**
 * Reads cumulative resource counters as seen from the calling thread. Values are cumulative, so the
 * harness subtracts a reading taken before a batch from one taken after it. Readings go into a
 * caller-owned {@link Counters} so that taking one allocates nothing that the allocation counter
 * could see.
 */
public interface ThreadMetrics {

    /** One reading; -1 for a counter that the platform does not provide. Reused between readings. */
    final class Counters {
        /** CPU time of the calling thread, ns. */
        public long cpuNs;
        /** Bytes allocated by the calling thread. */
        public long allocatedBytes;
        /** Completed garbage collections, JVM-wide. */
        public long gcCount;
        /** Time spent in those collections, ms, JVM-wide. */
        public long gcTimeMs;
    }

    /** Reads all counters just before a timed region: the allocation counter last. */
    void begin(Counters into);

    /** Reads all counters just after a timed region: the allocation counter first. */
    void end(Counters into);

    /** The JVM's own counters ({@code com.sun.management.ThreadMXBean} and the GC beans). */
    static ThreadMetrics jvm() {
        return JvmThreadMetrics.INSTANCE;
    }
}
