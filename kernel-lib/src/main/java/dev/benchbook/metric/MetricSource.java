package dev.benchbook.metric;

import java.util.List;
import java.util.Map;

/**
 * A source of per-iteration metrics, read around each timed batch: the JVM's thread counters are
 * one, hardware counters another. Register one in the DSL with {@code .metrics(source)} or for every
 * suite through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.benchbook.metric.MetricSource}).
 *
 * <p>A source describes its metrics once; each benchmark run opens a {@link Probe} that reads raw
 * cumulative counters into caller-owned arrays, so that reading allocates nothing in the measured
 * path. The harness turns two readings into values by each metric's {@link Metric.Scope}: {@code
 * PER_OP} divides the increase by the batch size, {@code PER_ITERATION} keeps it.
 */
public interface MetricSource {

    /** A short stable name, e.g. {@code jvm-thread}. */
    String id();

    /**
     * The metrics this source gives on this platform, in the order a probe writes them. Scopes must
     * be {@code PER_OP} or {@code PER_ITERATION}.
     */
    List<Metric> metrics();

    /**
     * The metrics this source would give but cannot here, each with the reason, e.g. {@code
     * "cycles" -> "no hardware PMU exposed (/sys/bus/event_source/devices/cpu is missing)"}.
     */
    default Map<String, String> unsupported() {
        return Map.of();
    }

    /** Opens a probe for one benchmark run, on the measuring thread, outside the timed region. */
    Probe open();

    /** Reads a source's raw counters; one per benchmark run, used by the measuring thread only. */
    interface Probe {
        /** The probe of a source without metrics (one that only lists what it cannot give). */
        Probe NONE = new Probe() {
            @Override
            public void begin(long[] into, int offset) {}

            @Override
            public void end(long[] into, int offset) {}
        };

        /**
         * Reads every counter just before a timed batch into {@code into[offset..offset+k)}, k the
         * number of {@link #metrics()}; a counter that cannot be read now writes -1. Must not allocate.
         */
        void begin(long[] into, int offset);

        /** Reads every counter just after a timed batch, like {@link #begin}. Must not allocate. */
        void end(long[] into, int offset);
    }
}
