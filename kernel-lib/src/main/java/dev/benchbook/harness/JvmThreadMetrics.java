package dev.benchbook.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** {@link ThreadMetrics} from the platform MXBeans; counters the JVM lacks read as -1. */
final class JvmThreadMetrics implements ThreadMetrics {
    static final JvmThreadMetrics INSTANCE = new JvmThreadMetrics();

    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.ThreadMXBean sunThreads =
            threads instanceof com.sun.management.ThreadMXBean t ? t : null;
    private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
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
    public Snapshot begin() {
        long count = gcCount();
        long time = gcTimeMs();
        long cpu = cpu();
        long alloc = allocated();
        return new Snapshot(cpu, alloc, count, time);
    }

    @Override
    public Snapshot end() {
        long alloc = allocated();
        long cpu = cpu();
        long count = gcCount();
        long time = gcTimeMs();
        return new Snapshot(cpu, alloc, count, time);
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
