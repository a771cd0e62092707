package dev.benchbook.metric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU cycles, instructions and cache misses. This JVM cannot open hardware counters for its own
 * threads (that needs {@code perf_event_open}, a native call), and forked runs are not yet wrapped in
 * {@code perf stat}, so runs report them as unsupported, with the platform's own reason first when
 * it has no counters at all, as on most VMs. They are never derived from wall time.
 */
public final class HardwareCounters implements MetricSource {
    /** The one instance. */
    public static final HardwareCounters INSTANCE = new HardwareCounters(Path.of("/sys/bus/event_source/devices"),
            Path.of("/proc/sys/kernel/perf_event_paranoid"));

    private final Map<String, String> unsupported;

    HardwareCounters(Path eventSources, Path paranoid) {
        String reason = reason(eventSources, paranoid);
        Map<String, String> m = new LinkedHashMap<>();
        for (Metric metric : List.of(Metrics.CYCLES, Metrics.INSTRUCTIONS, Metrics.CACHE_MISSES)) {
            m.put(metric.id(), reason);
        }
        unsupported = Map.copyOf(m);
    }

    /** Why the counters cannot be read here: the first of no PMU, perf_event access refused, no native access. */
    static String reason(Path eventSources, Path paranoid) {
        if (!Files.isDirectory(eventSources.resolve("cpu"))) {
            return "unsupported: no hardware PMU exposed to this machine (" + eventSources.resolve("cpu")
                    + " is missing, as on most VMs)";
        }
        try {
            int level = Integer.parseInt(Files.readString(paranoid).trim());
            if (level > 2) {
                return "unsupported: no perf_event access (" + paranoid + " is " + level
                        + "; lower it to 2 or less to count a process's own events)";
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return "unsupported: no perf_event access (" + paranoid + " cannot be read)";
        }
        return "unsupported: the machine has counters, but reading them needs perf_event_open, a native call this "
                + "JVM cannot make, and Benchbook does not yet wrap forked runs in perf stat";
    }

    @Override
    public String id() {
        return "hardware-counters";
    }

    @Override
    public List<Metric> metrics() {
        return List.of();
    }

    @Override
    public Map<String, String> unsupported() {
        return unsupported;
    }

    @Override
    public Probe open() {
        return new Probe() {
            @Override
            public void begin(long[] into, int offset) {}

            @Override
            public void end(long[] into, int offset) {}
        };
    }
}
