package dev.benchbook.metric;

import dev.benchbook.metric.Metric.Aggregate;
import dev.benchbook.metric.Metric.Direction;
import dev.benchbook.metric.Metric.Scope;
import java.util.List;
import java.util.Optional;

/**
 * The metrics Benchbook knows by name. A metric's id is its column name in the samples table and
 * in the summary: times are per operation ({@code cpu_ns} is ns/op), bytes say per what
 * ({@code alloc_bytes_per_op}), run-level figures say what they peak at ({@code peak_heap_bytes}).
 * Wall time is special only in the summary, where its statistics are the {@code mean_ns}, {@code
 * median_ns}, {@code ci_low_ns}... columns.
 */
public final class Metrics {
    private Metrics() {}

    /** Wall-clock time per operation; every sample has it. */
    public static final Metric WALL_NS = new Metric("wall_ns", "ns/op", Direction.LOWER_IS_BETTER, Scope.PER_OP,
            Aggregate.MEAN, "wall-clock time per operation");
    /** CPU time of the measuring thread per operation; with {@code .threads(n)}, of all n threads per operation. */
    public static final Metric CPU_NS = new Metric("cpu_ns", "ns/op", Direction.LOWER_IS_BETTER, Scope.PER_OP,
            Aggregate.MEAN, "CPU time of the measuring thread per operation (helper threads not included)");
    /** Bytes allocated by the measuring thread per operation; with {@code .threads(n)}, by all n per operation. */
    public static final Metric ALLOC_BYTES_PER_OP = new Metric("alloc_bytes_per_op", "B/op", Direction.LOWER_IS_BETTER,
            Scope.PER_OP, Aggregate.MEAN, "bytes allocated by the measuring thread per operation");
    /** Garbage collections that completed during an iteration, JVM-wide. */
    public static final Metric GC_COUNT = new Metric("gc_count", "count", Direction.LOWER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.SUM, "garbage collections completed during the measured iterations (JVM-wide)");
    /** Time those collections took, JVM-wide. */
    public static final Metric GC_TIME_MS = new Metric("gc_time_ms", "ms", Direction.LOWER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.SUM, "time spent in those collections (JVM-wide)");
    /** Peak heap use of a benchmark run, garbage included: the memory pools' peaks, reset before the run. */
    public static final Metric PEAK_HEAP_BYTES = new Metric("peak_heap_bytes", "bytes", Direction.LOWER_IS_BETTER,
            Scope.PER_RUN, Aggregate.MAX,
            "peak heap use during the run, uncollected garbage included (sum of the heap pools' peaks, reset before the run)");
    /** The largest heap left after a collection during the run: the live data. */
    public static final Metric PEAK_LIVE_HEAP_BYTES = new Metric("peak_live_heap_bytes", "bytes",
            Direction.LOWER_IS_BETTER, Scope.PER_RUN, Aggregate.MAX,
            "largest heap in use right after a collection during the run (live data); absent when no collection ran");
    /** User-mode CPU time of a process. */
    public static final Metric USER_NS = new Metric("user_ns", "ns", Direction.LOWER_IS_BETTER, Scope.PER_ITERATION,
            Aggregate.MEAN, "user-mode CPU time of the process");
    /** Kernel-mode CPU time of a process. */
    public static final Metric SYS_NS = new Metric("sys_ns", "ns", Direction.LOWER_IS_BETTER, Scope.PER_ITERATION,
            Aggregate.MEAN, "kernel-mode CPU time of the process");
    /** Peak resident set size of a process. */
    public static final Metric PEAK_RSS_BYTES = new Metric("peak_rss_bytes", "bytes", Direction.LOWER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.MAX, "peak resident set size of the process");
    /** CPU cycles per operation, from hardware counters. */
    public static final Metric CYCLES = new Metric("cycles", "count/op", Direction.LOWER_IS_BETTER, Scope.PER_RUN,
            Aggregate.MEAN, "CPU cycles per operation over the measured iterations (perf stat around the forks; "
                    + "each iteration's untimed verification call included)");
    /** Retired instructions per operation, from hardware counters. */
    public static final Metric INSTRUCTIONS = new Metric("instructions", "count/op", Direction.LOWER_IS_BETTER,
            Scope.PER_RUN, Aggregate.MEAN, "retired instructions per operation over the measured iterations (perf "
                    + "stat around the forks; each iteration's untimed verification call included)");
    /** Cache misses per operation, from hardware counters. */
    public static final Metric CACHE_MISSES = new Metric("cache_misses", "count/op", Direction.LOWER_IS_BETTER,
            Scope.PER_RUN, Aggregate.MEAN, "cache misses per operation over the measured iterations (perf stat "
                    + "around the forks; each iteration's untimed verification call included)");

    /** With {@code .threads(n)}: operations per second of all threads together over the iteration. */
    public static final Metric OPS_PER_S = new Metric("ops_per_s", "ops/s", Direction.HIGHER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.MEAN, "total throughput of the benchmark's threads: n x batch operations "
                    + "over the iteration's wall time, from the first thread's start to the last one's finish");
    /** With {@code .threads(n)}: the mean over threads of each thread's own operations per second. */
    public static final Metric OPS_PER_S_PER_THREAD = new Metric("ops_per_s_per_thread", "ops/s",
            Direction.HIGHER_IS_BETTER, Scope.PER_ITERATION, Aggregate.MEAN,
            "throughput of one thread: its batch over its own wall time, the mean over the threads");
    /** With {@code .threads(n)}: the slowest thread's operations per second, which shows unfair sharing. */
    public static final Metric OPS_PER_S_MIN_THREAD = new Metric("ops_per_s_min_thread", "ops/s",
            Direction.HIGHER_IS_BETTER, Scope.PER_ITERATION, Aggregate.MEAN,
            "throughput of the slowest thread: its batch over its own wall time");
    /** With {@code .threads(n)}: CPU time one thread used during its batch, the mean over the threads. */
    public static final Metric CPU_NS_PER_THREAD = new Metric("cpu_ns_per_thread", "ns", Direction.LOWER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.MEAN, "CPU time of one benchmark thread during its batch, the mean over "
                    + "the threads; against the iteration's wall time it says how much a thread ran or waited");
    /** With {@code .threads(n)}: bytes one thread allocated during its batch, the mean over the threads. */
    public static final Metric ALLOC_BYTES_PER_THREAD = new Metric("alloc_bytes_per_thread", "bytes",
            Direction.LOWER_IS_BETTER, Scope.PER_ITERATION, Aggregate.MEAN,
            "bytes one benchmark thread allocated during its batch, the mean over the threads");

    /** The metrics only multi-threaded runs ({@code .threads(n)}) have, in table order. */
    public static final List<Metric> THREADED = List.of(OPS_PER_S, OPS_PER_S_PER_THREAD, OPS_PER_S_MIN_THREAD,
            CPU_NS_PER_THREAD, ALLOC_BYTES_PER_THREAD);

    /** Every metric above, in the order tables show them. */
    public static final List<Metric> BUILT_IN = List.of(WALL_NS, CPU_NS, ALLOC_BYTES_PER_OP, GC_COUNT, GC_TIME_MS,
            PEAK_HEAP_BYTES, PEAK_LIVE_HEAP_BYTES, USER_NS, SYS_NS, PEAK_RSS_BYTES, CYCLES, INSTRUCTIONS, CACHE_MISSES,
            OPS_PER_S, OPS_PER_S_PER_THREAD, OPS_PER_S_MIN_THREAD, CPU_NS_PER_THREAD, ALLOC_BYTES_PER_THREAD);

    /** The built-in metric with this id. */
    public static Optional<Metric> builtIn(String id) {
        return BUILT_IN.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
