package dev.benchbook.spec;

import java.time.Duration;

/**
 * How a suite is run. All values are validated before a run starts.
 *
 * <p>A run is <em>adaptive</em> unless {@code iterations(n)} was called: after warmup it measures
 * at least {@code iterations} iterations, then stops as soon as the confidence interval's
 * half-width is at most {@code targetPrecision} of the mean, or at {@code maxIterations} or
 * {@code maxTime}, whichever comes first. A <em>fixed</em> run measures exactly {@code iterations}.
 *
 * @param warmupIterations iterations run and discarded before measuring, {@code >= 0}
 * @param iterations measured iterations: the exact count of a fixed run, the minimum of an
 *     adaptive one; {@code >= 1}
 * @param fixedIterations whether the count is fixed
 * @param maxIterations cap of an adaptive run, {@code >= iterations}
 * @param maxTime cap on the measuring phase of an adaptive run, per benchmark and param combination
 * @param targetPrecision relative half-width target of the interval of the mean, in (0, 1)
 * @param iterationTime target duration of one iteration; the batch size is calibrated to reach it
 * @param timeout limit for one benchmark at one param combination, from setup to teardown
 * @param seed seed of the contexts' random sources
 * @param confidence confidence level of reported intervals and of the precision target, in (0, 1)
 * @param forks fresh JVMs per benchmark and param combination; 0 runs in this JVM
 * @param adaptiveWarmup whether warmup goes on past {@code warmupIterations} until the times are
 *     steady and the JIT is quiet, up to {@code maxWarmupIterations}; false makes {@code
 *     warmupIterations} exact
 * @param maxWarmupIterations cap of an adaptive warmup, {@code >= warmupIterations}
 * @param memoryLimitBytes largest live heap a benchmark run may hold, or -1 for no limit
 * @param jvmArgs extra options for forked JVMs (e.g. {@code -Xmx1g}); in-process runs cannot apply them
 * @param threads threads that run each benchmark body together, {@code >= 1}; 1 is the classic single
 *     measuring thread
 * @param threadsParam the name of an integer param whose value is the thread count of each combination,
 *     or empty; when set it takes the place of {@code threads}
 * @param profile whether and how each benchmark's measured iterations are profiled; {@link ProfileSpec#NONE} by default
 */
public record RunControls(
        int warmupIterations,
        int iterations,
        boolean fixedIterations,
        int maxIterations,
        Duration maxTime,
        double targetPrecision,
        Duration iterationTime,
        Duration timeout,
        long seed,
        double confidence,
        int forks,
        boolean adaptiveWarmup,
        int maxWarmupIterations,
        long memoryLimitBytes,
        java.util.List<String> jvmArgs,
        int threads,
        String threadsParam,
        ProfileSpec profile) {

    public RunControls {
        jvmArgs = jvmArgs == null ? java.util.List.of() : java.util.List.copyOf(jvmArgs);
        threadsParam = threadsParam == null ? "" : threadsParam;
        profile = profile == null ? ProfileSpec.NONE : profile;
    }

    /** Single-threaded controls without profiling: one measuring thread, no threads param. */
    public RunControls(int warmupIterations, int iterations, boolean fixedIterations, int maxIterations,
            Duration maxTime, double targetPrecision, Duration iterationTime, Duration timeout, long seed,
            double confidence, int forks, boolean adaptiveWarmup, int maxWarmupIterations, long memoryLimitBytes,
            java.util.List<String> jvmArgs) {
        this(warmupIterations, iterations, fixedIterations, maxIterations, maxTime, targetPrecision, iterationTime,
                timeout, seed, confidence, forks, adaptiveWarmup, maxWarmupIterations, memoryLimitBytes, jvmArgs, 1, "",
                ProfileSpec.NONE);
    }

    /** Controls without profiling. */
    public RunControls(int warmupIterations, int iterations, boolean fixedIterations, int maxIterations,
            Duration maxTime, double targetPrecision, Duration iterationTime, Duration timeout, long seed,
            double confidence, int forks, boolean adaptiveWarmup, int maxWarmupIterations, long memoryLimitBytes,
            java.util.List<String> jvmArgs, int threads, String threadsParam) {
        this(warmupIterations, iterations, fixedIterations, maxIterations, maxTime, targetPrecision, iterationTime,
                timeout, seed, confidence, forks, adaptiveWarmup, maxWarmupIterations, memoryLimitBytes, jvmArgs,
                threads, threadsParam, ProfileSpec.NONE);
    }

    /** The thread count of the combination {@code params}: the threads param's value, else {@link #threads()}. */
    public int threadsFor(ParamSet params) {
        if (threadsParam.isEmpty()) {
            return threads;
        }
        Object v = params.values().get(threadsParam);
        return v instanceof Number n ? n.intValue() : threads;
    }

    /** Whether any combination runs with more than one thread, or the count comes from a param. */
    public boolean multiThreaded() {
        return threads != 1 || !threadsParam.isEmpty();
    }

    /** Controls with a fixed warmup, no memory limit and no extra JVM options. */
    public RunControls(int warmupIterations, int iterations, boolean fixedIterations, int maxIterations,
            Duration maxTime, double targetPrecision, Duration iterationTime, Duration timeout, long seed,
            double confidence, int forks) {
        this(warmupIterations, iterations, fixedIterations, maxIterations, maxTime, targetPrecision, iterationTime,
                timeout, seed, confidence, forks, false, warmupIterations, -1, java.util.List.of());
    }

    /** The defaults of {@link Defaults}: an adaptive warmup and an adaptive run. */
    public static RunControls defaults() {
        return new RunControls(Defaults.WARMUP_ITERATIONS, Defaults.MIN_ITERATIONS, false, Defaults.MAX_ITERATIONS,
                Defaults.MAX_TIME, Defaults.TARGET_PRECISION, Defaults.ITERATION_TIME, Defaults.TIMEOUT, Defaults.SEED,
                Defaults.CONFIDENCE, 0, true, Defaults.MAX_WARMUP_ITERATIONS, -1, java.util.List.of());
    }

    /**
     * A fixed run of {@code iterations} measured iterations, with the default caps and precision
     * target (the target is only reported on, not pursued).
     */
    public static RunControls fixed(int warmupIterations, int iterations, Duration iterationTime, Duration timeout,
            long seed, double confidence) {
        return new RunControls(warmupIterations, iterations, true, iterations, Defaults.MAX_TIME,
                Defaults.TARGET_PRECISION, iterationTime, timeout, seed, confidence, 0);
    }

    /** The same controls with at most {@code d} of adaptive measuring per run. */
    public RunControls withMaxTime(Duration d) {
        return new RunControls(warmupIterations, iterations, fixedIterations, maxIterations, d, targetPrecision,
                iterationTime, timeout, seed, confidence, forks, adaptiveWarmup, maxWarmupIterations, memoryLimitBytes,
                jvmArgs, threads, threadsParam, profile);
    }

    /** These controls with {@code n} forks. */
    public RunControls withForks(int n) {
        return new RunControls(warmupIterations, iterations, fixedIterations, maxIterations, maxTime, targetPrecision,
                iterationTime, timeout, seed, confidence, n, adaptiveWarmup, maxWarmupIterations, memoryLimitBytes,
                jvmArgs, threads, threadsParam, profile);
    }

    /** These controls with extra JVM options for forks appended, as a runner or profiler asks. */
    public RunControls withJvmArgs(java.util.List<String> more) {
        java.util.List<String> all = new java.util.ArrayList<>(jvmArgs);
        all.addAll(more);
        return new RunControls(warmupIterations, iterations, fixedIterations, maxIterations, maxTime, targetPrecision,
                iterationTime, timeout, seed, confidence, forks, adaptiveWarmup, maxWarmupIterations, memoryLimitBytes,
                all, threads, threadsParam, profile);
    }

    /** These controls with other profiling settings. */
    public RunControls withProfile(ProfileSpec p) {
        return new RunControls(warmupIterations, iterations, fixedIterations, maxIterations, maxTime, targetPrecision,
                iterationTime, timeout, seed, confidence, forks, adaptiveWarmup, maxWarmupIterations, memoryLimitBytes,
                jvmArgs, threads, threadsParam, p);
    }

    /** The most warmup iterations this run can make. */
    public int warmupCap() {
        return adaptiveWarmup ? Math.max(warmupIterations, maxWarmupIterations) : warmupIterations;
    }

    /** The most iterations this run can make, warmup included. */
    public int plannedIterations() {
        return warmupCap() + (fixedIterations ? iterations : maxIterations);
    }
}
