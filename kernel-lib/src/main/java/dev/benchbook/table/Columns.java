package dev.benchbook.table;

import java.util.Set;

/**
 * Column names of the result tables: lowercase, with the unit in the name. A column that holds a
 * metric is named by the metric's id in every table ({@code cpu_ns}, {@code alloc_bytes_per_op},
 * {@code gc_count}); wall time is {@code wall_ns} in the samples and the {@code mean_ns}, {@code
 * median_ns}... family in the summary. Param columns take the param's name as given; the DSL refuses
 * a param named like one of {@link #RESERVED}.
 */
public final class Columns {
    private Columns() {}

    public static final String SUITE = "suite";
    public static final String BENCHMARK = "benchmark";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    public static final String ITERATION = "iteration";
    public static final String WARMUP = "warmup";
    public static final String BATCH_SIZE = "batch_size";
    /** Samples table: wall nanoseconds per operation of the iteration. */
    public static final String WALL_NS = "wall_ns";
    public static final String ALLOC_BYTES_PER_OP = "alloc_bytes_per_op";
    public static final String GC_COUNT = "gc_count";
    public static final String GC_TIME_MS = "gc_time_ms";
    public static final String OUTPUT_HASH = "output_hash";
    /** Number of measured iterations. */
    public static final String N_ITERATIONS = "n_iterations";
    /** Warmup iterations before measuring (per fork). */
    public static final String WARMUP_ITERATIONS = "warmup_iterations";
    /** Whether an adaptive warmup ended steady (false: at its cap); missing for a fixed warmup. */
    public static final String WARMUP_STEADY = "warmup_steady";
    /** Mean time over the baseline benchmark's at the same params. */
    public static final String RATIO = "ratio";
    /** Lower bound of the bootstrap interval of {@link #RATIO}, at level ci_level. */
    public static final String RATIO_CI_LOW = "ratio_ci_low";
    /** Upper bound of the bootstrap interval of {@link #RATIO}, at level ci_level. */
    public static final String RATIO_CI_HIGH = "ratio_ci_high";
    /** Which runner measured the row: in-process, fork, process or imported. */
    public static final String RUNNER = "runner";
    /** Samples table: which fork measured the iteration (0 in-process). */
    public static final String FORK = "fork";
    public static final String MEAN_NS = "mean_ns";
    public static final String MEDIAN_NS = "median_ns";
    public static final String STDDEV_NS = "stddev_ns";
    /** Coefficient of variation: stddev_ns / mean_ns. */
    public static final String CV = "cv";
    /** Lower bound of the Student-t interval of the mean at level {@link #CI_LEVEL}. */
    public static final String CI_LOW_NS = "ci_low_ns";
    /** Upper bound of the Student-t interval of the mean at level {@link #CI_LEVEL}. */
    public static final String CI_HIGH_NS = "ci_high_ns";
    /** The confidence level of ci_low_ns and ci_high_ns, e.g. 0.999. */
    public static final String CI_LEVEL = "ci_level";
    public static final String MIN_NS = "min_ns";
    public static final String MAX_NS = "max_ns";
    /** Mean thread CPU nanoseconds per operation. */
    public static final String CPU_NS = "cpu_ns";
    public static final String DETERMINISTIC = "deterministic";
    /** Achieved precision: the interval's half-width divided by the mean. */
    public static final String PRECISION = "precision";
    /** The precision target of the run. */
    public static final String TARGET_PRECISION = "target_precision";
    /** Whether precision &lt;= target_precision. */
    public static final String TARGET_MET = "target_met";
    /** Why measuring stopped: fixed, target_met, iteration_cap, time_cap, or none (failed). */
    public static final String STOP_REASON = "stop_reason";
    /**
     * Why the precision target was missed: {@code too_few_iterations} (a fixed run that more
     * iterations would fix), {@code cap} (an adaptive run stopped by its iteration or time cap),
     * {@code noise} (more than four times the iterations would be needed); empty when met.
     */
    public static final String PRECISION_MISS = "precision_miss";
    /** Lower bound of the seeded BCa bootstrap interval of the mean, at level ci_level. */
    public static final String BOOT_CI_LOW_NS = "boot_ci_low_ns";
    /** Upper bound of the seeded BCa bootstrap interval of the mean, at level ci_level. */
    public static final String BOOT_CI_HIGH_NS = "boot_ci_high_ns";
    /** Measured iterations beyond Tukey's 1.5 IQR fences but within 3 IQR (kept, not dropped). */
    public static final String OUTLIERS_MILD = "outliers_mild";
    /** Measured iterations beyond Tukey's 3 IQR fences (kept, not dropped). */
    public static final String OUTLIERS_SEVERE = "outliers_severe";
    /** Samples table: the iteration's Tukey class among the measured ones (none, mild_low, ...). */
    public static final String OUTLIER = "outlier";
    /** Index of the first iteration (warmup included) from which times are stable; missing if undetermined. */
    public static final String STEADY_FROM = "steady_from";
    /** Whether the times became stable; missing when the series is too short to tell (under 20 iterations). */
    public static final String STEADY = "steady";
    /** Forked JVMs that measured the row; 0 when it ran in the notebook's JVM. */
    public static final String FORKS = "forks";
    /** Spread of the per-fork means, stddev over the grand mean (needs two forks). */
    public static final String BETWEEN_FORK_CV = "between_fork_cv";
    /** Pooled spread within forks, stddev over the grand mean (needs two forks). */
    public static final String WITHIN_FORK_CV = "within_fork_cv";
    /** Every fixed column name of the samples, summary and headline tables, and every built-in metric id. */
    public static final Set<String> RESERVED = reserved();

    private static Set<String> reserved() {
        Set<String> s = new java.util.HashSet<>(Set.of(SUITE, BENCHMARK, STATUS, ERROR, ITERATION, WARMUP, BATCH_SIZE,
                WALL_NS, ALLOC_BYTES_PER_OP, GC_COUNT, GC_TIME_MS, OUTPUT_HASH, N_ITERATIONS, MEAN_NS, MEDIAN_NS,
                STDDEV_NS, CV, CI_LOW_NS, CI_HIGH_NS, CI_LEVEL, MIN_NS, MAX_NS, CPU_NS, DETERMINISTIC, PRECISION,
                TARGET_PRECISION, TARGET_MET, STOP_REASON, PRECISION_MISS, BOOT_CI_LOW_NS, BOOT_CI_HIGH_NS,
                OUTLIERS_MILD, OUTLIERS_SEVERE, OUTLIER, STEADY_FROM, STEADY, FORKS, BETWEEN_FORK_CV, WITHIN_FORK_CV,
                FORK, WARMUP_ITERATIONS, WARMUP_STEADY, RATIO, RATIO_CI_LOW, RATIO_CI_HIGH, RUNNER));
        dev.benchbook.metric.Metrics.BUILT_IN.forEach(m -> s.add(m.id()));
        s.addAll(HeadlineTable.COLUMNS);
        return Set.copyOf(s);
    }

    /** The column name of param {@code name}: the name itself (the DSL refuses reserved names). */
    public static String param(String name) {
        return name;
    }
}
