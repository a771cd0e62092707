package dev.benchbook.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;

/**
 * The heap of one benchmark run: its peak use (garbage included) from the heap pools' peaks, reset
 * when the run starts, and its live data, the heap in use right after the latest collection
 * ({@code GcInfo.getMemoryUsageAfterGc}). Readings
 * allocate, so the harness takes them between iterations, never inside the allocation window.
 */
class HeapWatch {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    private final List<java.lang.management.GarbageCollectorMXBean> gcs =
            ManagementFactory.getGarbageCollectorMXBeans();
    private long gcAtStart;
    private long gcAtLastReading;
    private boolean collectedSinceLastReading;
    private long peakLive = -1;

    /** Resets the pools' peaks; the run starts now. */
    void start() {
        for (MemoryPoolMXBean p : pools) {
            p.resetPeakUsage();
        }
        gcAtStart = gcCount();
        gcAtLastReading = gcAtStart;
        collectedSinceLastReading = false;
        peakLive = -1;
    }

    private long gcCount() {
        long n = 0;
        for (var gc : gcs) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** The sum of the heap pools' peak use since {@link #start}. */
    long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : pools) {
            MemoryUsage u = p.getPeakUsage();
            sum += u == null ? 0 : u.getUsed();
        }
        return sum;
    }

    /**
     * The live heap now, if known: after a collection since the run started, the pools' use after
     * their latest collection; otherwise -1. Remembers the largest value seen.
     */
    long liveBytes() {
        long count = gcCount();
        collectedSinceLastReading = count != gcAtLastReading;
        gcAtLastReading = count;
        if (count == gcAtStart) {
            return -1;
        }
        com.sun.management.GcInfo latest = null;
        for (var gc : gcs) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean g) {
                com.sun.management.GcInfo info = g.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return -1;
        }
        long sum = 0;
        Map<String, MemoryUsage> afterGc = latest.getMemoryUsageAfterGc();
        for (MemoryPoolMXBean p : pools) {
            MemoryUsage u = afterGc.get(p.getName());
            sum += u == null ? 0 : u.getUsed();
        }
        peakLive = Math.max(peakLive, sum);
        return sum;
    }

    /**
     * Whether a collection completed between the previous {@link #liveBytes} call (or {@link #start})
     * and the latest one, so that the latest reading is no older than that interval.
     */
    boolean collectedSinceLastReading() {
        return collectedSinceLastReading;
    }

    /** The largest live heap seen, or -1 when no collection ran during the run. */
    long peakLiveBytes() {
        return peakLive;
    }

    /** The heap in use now, garbage included. */
    long usedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The live heap, collecting first if need be: used only when the heap in use passed a memory
     * limit and no collection since the previous reading tells how much of it is live.
     */
    long liveAfterCollection() {
        System.gc();
        long used = usedBytes();
        peakLive = Math.max(peakLive, used);
        return used;
    }
}
