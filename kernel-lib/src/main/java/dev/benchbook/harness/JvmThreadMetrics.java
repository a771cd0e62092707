package dev.benchbook.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** {@link ThreadMetrics} from the platform MXBeans; counters the JVM lacks read as -1. */
final class JvmThreadMetrics implements ThreadMetrics {
    static final JvmThreadMetrics INSTANCE = new JvmThreadMetrics();

    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.ThreadMXBean sunThreads =
            threads instanceof com.sun.management.ThreadMXBean t ? t : null;
    private final GarbageCollectorMXBean[] gcs =
            ManagementFactory.getGarbageCollectorMXBeans().toArray(new GarbageCollectorMXBean[0]);
    private final boolean cpuSupported;
    private final boolean allocSupported;

    private JvmThreadMetrics() {
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        if (cpu && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        cpuSupported = cpu;
        boolean alloc = sunThreads != null && sunThreads.isThreadAllocatedMemorySupported();
        if (alloc && !sunThreads.isThreadAllocatedMemoryEnabled()) {
            sunThreads.setThreadAllocatedMemoryEnabled(true);
        }
        allocSupported = alloc;
    }

    @Override
    public void begin(Counters into) {
        into.gcCount = gcCount();
        into.gcTimeMs = gcTimeMs();
        into.cpuNs = cpu();
        into.allocatedBytes = allocated();
    }

    @Override
    public void end(Counters into) {
        into.allocatedBytes = allocated();
        into.cpuNs = cpu();
        into.gcCount = gcCount();
        into.gcTimeMs = gcTimeMs();
    }

    private long cpu() {
        return cpuSupported ? threads.getCurrentThreadCpuTime() : -1;
    }

    private long allocated() {
        return allocSupported ? sunThreads.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }

    private long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : gcs) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private long gcTimeMs() {
        long time = 0;
        for (GarbageCollectorMXBean gc : gcs) {
            time += Math.max(0, gc.getCollectionTime());
        }
        return time;
    }
}
