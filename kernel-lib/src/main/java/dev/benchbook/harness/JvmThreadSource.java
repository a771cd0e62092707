package dev.benchbook.harness;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.MetricSource;
import dev.benchbook.metric.Metrics;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM's own counters as a metric source: the measuring thread's CPU time and allocated bytes
 * ({@code com.sun.management.ThreadMXBean}) and the JVM-wide GC count and time. A counter this JVM
 * lacks is reported unsupported. Its probe reads the allocation counter last before a batch and
 * first after it, so the other readings fall outside the allocation window; the harness opens it
 * innermost.
 */
public final class JvmThreadSource implements MetricSource {
    /** The one instance: the MXBeans are JVM-wide. */
    public static final JvmThreadSource INSTANCE = new JvmThreadSource();

    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.ThreadMXBean sunThreads =
            threads instanceof com.sun.management.ThreadMXBean t ? t : null;
    private final GarbageCollectorMXBean[] gcs =
            ManagementFactory.getGarbageCollectorMXBeans().toArray(new GarbageCollectorMXBean[0]);
    private final boolean cpuSupported;
    private final boolean allocSupported;

    private JvmThreadSource() {
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
    public String id() {
        return "jvm-thread";
    }

    /** Slots: gc_count, gc_time_ms, then cpu_ns and alloc_bytes_per_op where supported. */
    @Override
    public List<Metric> metrics() {
        List<Metric> m = new ArrayList<>(List.of(Metrics.GC_COUNT, Metrics.GC_TIME_MS));
        if (cpuSupported) {
            m.add(Metrics.CPU_NS);
        }
        if (allocSupported) {
            m.add(Metrics.ALLOC_BYTES_PER_OP);
        }
        return m;
    }

    @Override
    public Map<String, String> unsupported() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!cpuSupported) {
            m.put(Metrics.CPU_NS.id(), "this JVM does not measure the current thread's CPU time");
        }
        if (!allocSupported) {
            m.put(Metrics.ALLOC_BYTES_PER_OP.id(), "this JVM does not count allocated bytes per thread "
                    + "(com.sun.management.ThreadMXBean missing or unsupported)");
        }
        return m;
    }

    @Override
    public Probe open() {
        return new Probe() {
            @Override
            public void begin(long[] into, int offset) {
                into[offset] = gcCount();
                into[offset + 1] = gcTimeMs();
                int i = offset + 2;
                if (cpuSupported) {
                    into[i++] = threads.getCurrentThreadCpuTime();
                }
                if (allocSupported) {
                    into[i] = sunThreads.getCurrentThreadAllocatedBytes();
                }
            }

            @Override
            public void end(long[] into, int offset) {
                int i = offset + 2;
                if (allocSupported) {
                    into[i + (cpuSupported ? 1 : 0)] = sunThreads.getCurrentThreadAllocatedBytes();
                }
                if (cpuSupported) {
                    into[i] = threads.getCurrentThreadCpuTime();
                }
                into[offset] = gcCount();
                into[offset + 1] = gcTimeMs();
            }
        };
    }

    /** The current thread's CPU time in ns, or -1 when this JVM cannot tell. */
    long currentThreadCpuNs() {
        return cpuSupported ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** The bytes the current thread has allocated so far, or -1 when this JVM cannot tell. */
    long currentThreadAllocatedBytes() {
        return allocSupported ? sunThreads.getCurrentThreadAllocatedBytes() : -1;
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
