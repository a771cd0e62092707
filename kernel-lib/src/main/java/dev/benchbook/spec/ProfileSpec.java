package dev.benchbook.spec;

import java.time.Duration;
import java.util.List;

/**
 * Whether and how a suite's benchmarks are profiled: each benchmark's measured iterations (never its
 * warmup, nor the other benchmarks) are recorded by a sampling profiler into a file kept as an
 * artifact of the run.
 *
 * @param enabled whether to profile at all; {@link #NONE} does not
 * @param profiler which profiler records: {@value #JFR} (JDK Flight Recorder, default), {@value
 *     #ASYNC_ITIMER}, {@value #ASYNC_WALL} or {@value #ASYNC_CPU} (async-profiler, where this machine has it;
 *     the suite is refused when it is built otherwise, with the reason). With async-profiler, JFR still
 *     records the allocations and pauses, and async-profiler the execution samples
 * @param period the execution-sampling period, at least {@link #MIN_PERIOD}; default {@link
 *     #DEFAULT_PERIOD}
 * @param allocations whether allocations are sampled too (JFR's {@code jdk.ObjectAllocationSample}); default true
 * @param directory where the recordings go; empty picks a fresh folder under the system temp directory,
 *     {@code benchbook-artifacts/<suite>-<time>} (see {@code Suite.run()})
 */
public record ProfileSpec(boolean enabled, String profiler, Duration period, boolean allocations, String directory) {
    /** JDK Flight Recorder. */
    public static final String JFR = "jfr";
    /** async-profiler, sampling CPU time with {@code setitimer}. */
    public static final String ASYNC_ITIMER = "async-itimer";
    /** async-profiler, sampling the benchmark's threads whatever their state (wall clock): waiting counts too. */
    public static final String ASYNC_WALL = "async-wall";
    /** async-profiler, sampling CPU time with perf_events ({@code cpu-clock}); refused where perf_events are unavailable. */
    public static final String ASYNC_CPU = "async-cpu";
    /** Every profiler id, the default first. */
    public static final List<String> PROFILERS = List.of(JFR, ASYNC_ITIMER, ASYNC_WALL, ASYNC_CPU);
    /** 10 ms: the default sampling period (JFR's own "profile" setting), cheap enough to leave on. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(10);
    /** 1 ms: the shortest sampling period accepted; JFR does not sample faster. */
    public static final Duration MIN_PERIOD = Duration.ofMillis(1);
    /** No profiling. */
    public static final ProfileSpec NONE = new ProfileSpec(false, JFR, DEFAULT_PERIOD, true, "");

    public ProfileSpec {
        profiler = profiler == null || profiler.isBlank() ? JFR : profiler;
        period = period == null ? DEFAULT_PERIOD : period;
        directory = directory == null ? "" : directory;
    }

    /** Profiling with JFR at the default period, allocations sampled, recordings in a temp folder. */
    public static ProfileSpec jfr() {
        return new ProfileSpec(true, JFR, DEFAULT_PERIOD, true, "");
    }

    /**
     * Profiling with async-profiler sampling CPU time with {@code setitimer} ({@value #ASYNC_ITIMER}): no
     * safepoint bias and no perf_events needed; JFR samples allocations beside it.
     */
    public static ProfileSpec asyncItimer() {
        return jfr().profiler(ASYNC_ITIMER);
    }

    /** Profiling with async-profiler's wall-clock sampling ({@value #ASYNC_WALL}): time spent waiting shows too. */
    public static ProfileSpec asyncWall() {
        return jfr().profiler(ASYNC_WALL);
    }

    /** Profiling with async-profiler's perf_events CPU sampling ({@value #ASYNC_CPU}), where the machine allows it. */
    public static ProfileSpec asyncCpu() {
        return jfr().profiler(ASYNC_CPU);
    }

    /** Whether async-profiler records the execution samples (any id but {@value #JFR}). */
    public boolean async() {
        return !JFR.equals(profiler);
    }

    /** These settings with another sampling period (validated when the suite is built). */
    public ProfileSpec period(Duration p) {
        return new ProfileSpec(enabled, profiler, p, allocations, directory);
    }

    /** These settings with allocation sampling on or off. */
    public ProfileSpec allocations(boolean on) {
        return new ProfileSpec(enabled, profiler, period, on, directory);
    }

    /** These settings with the recordings written under {@code dir} (created when missing). */
    public ProfileSpec directory(java.nio.file.Path dir) {
        return new ProfileSpec(enabled, profiler, period, allocations, dir.toAbsolutePath().toString());
    }

    /** These settings recorded by {@code id}: one of {@link #PROFILERS}. */
    public ProfileSpec profiler(String id) {
        return new ProfileSpec(enabled, id, period, allocations, directory);
    }

    /**
     * Adds to {@code problems} what is wrong with these settings; nothing when profiling is off. Whether
     * this machine has async-profiler is checked when a suite is built, not here.
     */
    public void check(List<SpecProblem> problems) {
        if (!enabled) {
            return;
        }
        if (period.compareTo(MIN_PERIOD) < 0) {
            problems.add(new SpecProblem("profile", "period=" + millis(period), "the sampling period must be at least "
                    + "1 ms (JFR samples at most every millisecond)",
                    "use .profile(Duration.ofMillis(1)) or a longer period; the default is 10 ms"));
        }
        if (!PROFILERS.contains(profiler)) {
            problems.add(new SpecProblem("profile", "profiler=\"" + profiler + "\"", "the profiler must be one of "
                    + String.join(", ", PROFILERS), "use ProfileSpec.jfr() or ProfileSpec.asyncItimer()"));
        }
    }

    private static String millis(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
    }
}
