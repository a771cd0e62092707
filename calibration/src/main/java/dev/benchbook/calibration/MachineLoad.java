package dev.benchbook.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine was between two points in time, from Linux's {@code /proc/stat}: the
 * share of all CPUs' time that was not idle, counting every process (ours, JMH's forks, and anyone
 * else's). A single-threaded benchmark alone on a 2-CPU machine shows about 50%; well above that,
 * something else competed for the CPUs during the measurement.
 */
final class MachineLoad {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private MachineLoad() {}

    /** CPU time counters at one instant; both -1 where {@code /proc/stat} is unreadable. */
    record Snapshot(long busyTicks, long totalTicks) {}

    static Snapshot now() {
        try {
            String line = Files.readAllLines(PROC_STAT).get(0);
            String[] f = line.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new Snapshot(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(-1, -1);
        }
    }

    /**
     * Waits until the machine has been at most {@code maxBusy} busy over a {@code window}, or until
     * {@code maxWait} has passed, and returns the seconds waited. Returns at once where {@code
     * /proc/stat} is unreadable.
     */
    static double waitUntilQuiet(double maxBusy, long windowMs, long maxWaitMs) throws InterruptedException {
        long t0 = System.nanoTime();
        while (true) {
            Snapshot a = now();
            Thread.sleep(windowMs);
            double busy = busyBetween(a, now());
            double waited = (System.nanoTime() - t0) / 1e9;
            if (Double.isNaN(busy) || busy <= maxBusy || waited * 1000 >= maxWaitMs) {
                return waited;
            }
        }
    }

    /** The busy share of all CPUs between {@code a} and {@code b}, in [0, 1], or NaN if unknown. */
    static double busyBetween(Snapshot a, Snapshot b) {
        long total = b.totalTicks() - a.totalTicks();
        if (a.totalTicks() < 0 || b.totalTicks() < 0 || total <= 0) {
            return Double.NaN;
        }
        return (double) (b.busyTicks() - a.busyTicks()) / total;
    }
}
