package dev.benchbook;

import dev.benchbook.spec.Expectation;
import dev.benchbook.spec.Expectation.Metric;

/**
 * Factories of expected bounds for {@code Suite.expect(...)}. Each bound applies to every
 * benchmark unless narrowed with {@link Expectation#only(String)}:
 *
 * <pre>{@code .expect(Expect.meanNsAtMost(50_000).only("arrays.sort"), Expect.allocBytesAtMost(0))}</pre>
 */
public final class Expect {
    private Expect() {}

    /** Mean wall time per operation at most {@code ns} nanoseconds. */
    public static Expectation meanNsAtMost(double ns) {
        return new Expectation(Metric.MEAN_NS, ns, null);
    }

    /** Allocation at most {@code bytes} bytes per operation. */
    public static Expectation allocBytesAtMost(double bytes) {
        return new Expectation(Metric.ALLOC_BYTES_PER_OP, bytes, null);
    }

    /** Coefficient of variation of the per-iteration times at most {@code cv}. */
    public static Expectation cvAtMost(double cv) {
        return new Expectation(Metric.CV, cv, null);
    }
}
