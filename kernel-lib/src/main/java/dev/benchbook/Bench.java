package dev.benchbook;

import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.RoundsPlan;
import dev.benchbook.spec.SuiteFactory;

/**
 * The one entry point of Benchbook. A notebook needs nothing else:
 *
 * <pre>{@code
 * var r = Bench.suite("sorting")
 *     .param("size", 1_000, 100_000)
 *     .setup(ctx -> ctx.random().ints(ctx.intParam("size")).toArray())
 *     .benchmark("arrays.sort", (ctx, data) -> { int[] c = data.clone(); Arrays.sort(c); return c; })
 *     .run();
 * r.summary()
 * }</pre>
 */
public final class Bench {
    private Bench() {}

    /** Starts the definition of a suite named {@code name}. */
    public static Suite<Void> suite(String name) {
        return new Suite<>(name);
    }

    /**
     * The suite that {@code factory} builds, remembered as built by it so that {@code forks(n)}
     * can build it again in fresh JVMs.
     *
     * @throws IllegalArgumentException if the factory has no public no-argument constructor or throws
     */
    public static Suite<?> suite(Class<? extends SuiteFactory> factory) {
        try {
            return new Suite<>(factory.getConstructor().newInstance().create()).origin(factory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("suite(" + factory.getName() + "): cannot instantiate it (" + e
                    + "); give it a public no-argument constructor", e);
        }
    }

    /**
     * Benchmarks {@code a} and {@code b} of {@code suite} against each other in randomized interleaved
     * rounds (one A run and one B run per round, in random order; a fork each when the suite forks), per
     * param combination, adding rounds while the verdict is inconclusive; see {@link RoundsPlan#DEFAULT}. The
     * report's time rows rest on the paired per-round log-ratios; {@code a} is the baseline.
     */
    public static RegressionReport ab(Suite<?> suite, String a, String b) {
        return ab(suite, a, b, RoundsPlan.DEFAULT);
    }

    /** The same with another plan, e.g. {@code new RoundsPlan(10, 60)}. */
    public static RegressionReport ab(Suite<?> suite, String a, String b, RoundsPlan plan) {
        return AbExecution.run(suite, a, b, plan, DetectorConfig.DEFAULTS);
    }

    /** The same with other detector settings. */
    public static RegressionReport ab(Suite<?> suite, String a, String b, RoundsPlan plan, DetectorConfig config) {
        return AbExecution.run(suite, a, b, plan, config);
    }

    /**
     * Two builds of one suite against each other, e.g. the same {@code SuiteFactory} loaded from the jars of
     * two versions of the code: for every benchmark both have, at every param combination, interleaved
     * rounds of one A run and one B run in random order (a fork each when the suites fork; a fork of a suite
     * loaded from its own class loader gets that loader's jars). {@code a} is the baseline; the rounds table
     * gains a {@code benchmark} column.
     *
     * @throws dev.benchbook.spec.SuiteValidationException if the two have different params or no benchmark
     *     in common
     */
    public static RegressionReport ab(Suite<?> a, Suite<?> b, RoundsPlan plan, DetectorConfig config) {
        return AbExecution.run(a, b, plan, config);
    }

    /**
     * Starts a cross-language comparison of {@code workload}: implementations in C, C++, Rust, Java, Python,
     * JavaScript or with custom commands, built untimed, validated against the reference's output and timed
     * as real processes in interleaved rounds; see {@link dev.benchbook.xlang.LanguageSuite}.
     */
    public static dev.benchbook.xlang.LanguageSuite<LanguageComparison> languages(String workload) {
        return new dev.benchbook.xlang.LanguageSuite<>(workload, LanguageComparison::new);
    }
}
