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
 *     #ASYNC_ITIMER} or {@value #ASYNC_WALL} (async-profiler, where it is available)
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
    /** async-profiler, sampling every thread whatever its state (wall clock). */
    public static final String ASYNC_WALL = "async-wall";
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

    /** These settings recorded by {@code id}: {@value #JFR}, {@value #ASYNC_ITIMER} or {@value #ASYNC_WALL}. */
    public ProfileSpec profiler(String id) {
        return new ProfileSpec(enabled, id, period, allocations, directory);
    }

    /** Adds to {@code problems} what is wrong with these settings; nothing when profiling is off. */
    public void check(List<SpecProblem> problems) {
        if (!enabled) {
            return;
        }
        if (period.compareTo(MIN_PERIOD) < 0) {
            problems.add(new SpecProblem("profile", "period=" + millis(period), "the sampling period must be at least "
                    + "1 ms (JFR samples at most every millisecond)",
                    "use .profile(Duration.ofMillis(1)) or a longer period; the default is 10 ms"));
        }
        if (List.of(ASYNC_ITIMER, ASYNC_WALL).contains(profiler)) {
            problems.add(new SpecProblem("profile", "profiler=\"" + profiler + "\"", "async-profiler is unavailable: "
                    + "its jar (tools.profiler:async-profiler 3.0 linux-x64 or 4.0) resolves from Maven Central, but this "
                    + "Benchbook does not drive it yet, so nothing would be recorded", "use ProfileSpec.jfr() (the default)"));
        } else if (!JFR.equals(profiler)) {
            problems.add(new SpecProblem("profile", "profiler=\"" + profiler + "\"", "the profiler must be one of " + JFR + ", "
                    + ASYNC_ITIMER + ", " + ASYNC_WALL, "use ProfileSpec.jfr() or Profiler.asyncItimer()"));
        }
    }

    private static String millis(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
    }
}
