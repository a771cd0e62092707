package dev.benchbook.metric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU cycles, instructions and cache misses. This JVM cannot open hardware counters for its own
 * threads (that needs {@code perf_event_open}, a native call), so in-process runs report them as
 * unsupported; forked runs count them with {@code perf stat} where the machine has counters (see
 * {@link #countable()}). Where it has none, as on most VMs, every run reports them as unsupported with
 * the platform's reason. They are never derived from wall time.
 */
public final class HardwareCounters implements MetricSource {
    /** The one instance. */
    public static final HardwareCounters INSTANCE = new HardwareCounters(Path.of("/sys/bus/event_source/devices"),
            Path.of("/proc/sys/kernel/perf_event_paranoid"));

    private final Map<String, String> unsupported;
    private final boolean countable;

    HardwareCounters(Path eventSources, Path paranoid) {
        String reason = reason(eventSources, paranoid);
        countable = reason.equals(IN_PROCESS);
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
        return IN_PROCESS;
    }

    /** The reason on a machine with counters: only in-process runs lack them. */
    static final String IN_PROCESS = "unsupported: counting in-process needs perf_event_open, a native call this JVM "
            + "cannot make; run with .forks(n), which counts them with perf stat";

    /**
     * Whether the machine exposes counters that {@code perf stat} may read for a process of this user:
     * a PMU, and perf_event_paranoid at most 2. Forked runs then count them.
     */
    public boolean countable() {
        return countable;
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
        return Probe.NONE;
    }
}
