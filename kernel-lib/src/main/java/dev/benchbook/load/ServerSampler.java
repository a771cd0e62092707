package dev.benchbook.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples a server process's CPU time and memory from Linux's {@code /proc} over the measured window: CPU as
 * {@code utime + stime} of {@code /proc/<pid>/stat} (clock ticks, converted with {@code getconf CLK_TCK}),
 * memory as {@code VmRSS} and {@code VmHWM} of {@code /proc/<pid>/status}, every 100 ms on a daemon thread.
 * Where {@code /proc} or the process is missing, the figures are NaN and {@link Stats#note} says why.
 */
final class ServerSampler {
    /** What the samples came to; NaN where unknown. */
    record Stats(double cpuSeconds, double cpuPercent, double rssBytes, double rssMaxBytes, double hwmBytes,
            String note) {
        static Stats unknown(String note) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, note);
        }
    }

    static final long PERIOD_NS = 100_000_000L;
    private static volatile long clockTicks;

    private final long pid;
    private final Path stat;
    private final Path status;
    private Thread thread;
    private volatile boolean stop;
    private volatile Stats result;
    private final List<String> problems = new ArrayList<>();

    ServerSampler(long pid) {
        this.pid = pid;
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    /** Starts sampling on a daemon thread at {@code start} and ends at {@code end} (nanoTime values). */
    void start(long start, long end) {
        thread = new Thread(() -> sample(start, end), "benchbook load sampler " + pid);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops (if still running) and returns the figures. */
    Stats finish() {
        stop = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Stats s = result;
        return s != null ? s : Stats.unknown("server " + pid + ": no sample was taken (the run ended first)");
    }

    private void sample(long start, long end) {
        long ticks = clockTicks();
        if (ticks <= 0) {
            result = Stats.unknown("server CPU and RSS unknown: getconf CLK_TCK gave no clock tick rate");
            return;
        }
        waitUntil(start);
        long[] first = read();
        if (first == null) {
            result = Stats.unknown("server CPU and RSS unknown: " + String.join("; ", problems));
            return;
        }
        long firstAt = System.nanoTime();
        long[] last = first;
        long lastAt = firstAt;
        long rssMax = first[1];
        for (long next = start + PERIOD_NS; !stop; next += PERIOD_NS) {
            waitUntil(Math.min(next, end));
            long[] s = read();
            if (s == null) {
                break;
            }
            last = s;
            lastAt = System.nanoTime();
            rssMax = Math.max(rssMax, s[1]);
            if (lastAt >= end) {
                break;
            }
        }
        double cpu = (last[0] - first[0]) / (double) ticks;
        double wall = (lastAt - firstAt) / 1e9;
        String note = problems.isEmpty() ? null : String.join("; ", problems);
        result = new Stats(cpu, wall > 0 ? 100 * cpu / wall : Double.NaN, last[1], rssMax, last[2], note);
    }

    private void waitUntil(long t) {
        long left;
        while (!stop && (left = t - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** utime+stime ticks, VmRSS bytes, VmHWM bytes; null (with a problem noted) when unreadable. */
    private long[] read() {
        try {
            String s = Files.readString(stat, StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: fields count from after ')'
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                }
            }
            if (rss < 0 || hwm < 0) {
                problems.add(status + " has no VmRSS/VmHWM line");
                return null;
            }
            return new long[] {cpu, rss, hwm};
        } catch (IOException | RuntimeException e) {
            problems.add("cannot read " + stat + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); the process may have ended, or this is not Linux");
            return null;
        }
    }

    private static long kib(String line) {
        String[] parts = line.substring(6).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
    }

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), or -1 when unknown. */
    static long clockTicks() {
        long t = clockTicks;
        if (t != 0) {
            return t;
        }
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            t = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? Long.parseLong(out) : -1;
        } catch (IOException | NumberFormatException e) {
            t = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t = -1;
        }
        clockTicks = t;
        return t;
    }
}
