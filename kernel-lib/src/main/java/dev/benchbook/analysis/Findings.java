package dev.benchbook.analysis;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.Expectation;
import dev.benchbook.stats.Descriptive;
import java.util.ArrayList;
import java.util.List;

/** Derives the findings of a run from its samples and its checks. */
public final class Findings {
    /**
     * Allocation per operation within this of a bound still keeps it: no object is smaller than 16
     * bytes, and the Blackhole itself (without compiler blackholes) very rarely keeps a 32-byte
     * reference to a consumed result, which spread over a batch shows as a few thousandths of a byte.
     */
    public static final double ALLOC_RESOLUTION = 0.01;

    private Findings() {}

    /** Every finding of {@code result}, per run in run order: determinism checks first, then expectations. */
    public static List<Finding> of(RunResult result) {
        Checks checks = result.suite().checks();
        List<Finding> out = new ArrayList<>();
        for (BenchmarkRun run : result.runs()) {
            nonDeterministic(run, out);
            if (run.status() != Status.OK || run.measured().isEmpty()) {
                continue;
            }
            Descriptive d = Descriptive.of(run.wallNsPerOp());
            if (d.n() >= 2 && d.cv() > checks.maxTimingCv()) {
                out.add(new TimingVariance(run.benchmark(), run.params(), d.cv(), checks.maxTimingCv(), d.min(), d.max()));
            }
            memory(run, checks.allocTolerance(), out);
            for (Expectation e : checks.expectations()) {
                if (!e.appliesTo(run.benchmark())) {
                    continue;
                }
                double actual = switch (e.metric()) {
                    case MEAN_NS -> d.mean();
                    case ALLOC_BYTES_PER_OP -> run.measured().stream().mapToDouble(IterationSample::allocBytesPerOp)
                            .average().orElse(Double.NaN);
                    case CV -> d.cv();
                };
                double resolution = e.metric() == Expectation.Metric.ALLOC_BYTES_PER_OP ? ALLOC_RESOLUTION : 0;
                if (!Double.isNaN(actual) && actual > e.max() + resolution) {
                    out.add(new ExpectationViolated(run.benchmark(), run.params(), e, actual));
                }
            }
        }
        return out;
    }

    private static void nonDeterministic(BenchmarkRun run, List<Finding> out) {
        List<IterationSample> samples = run.samples();
        if (samples.size() < 2) {
            return;
        }
        long expected = samples.get(0).outputHash();
        IterationSample first = null;
        int differing = 0;
        for (IterationSample s : samples) {
            if (s.outputHash() != expected) {
                differing++;
                if (first == null) {
                    first = s;
                }
            }
        }
        if (first != null) {
            out.add(new NonDeterministicOutput(run.benchmark(), run.params(), expected, first.outputHash(),
                    first.index(), differing));
        }
    }

    private static void memory(BenchmarkRun run, double tolerance, List<Finding> out) {
        List<IterationSample> measured = run.measured();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int maxAt = -1;
        for (IterationSample s : measured) {
            double a = s.allocBytesPerOp();
            if (Double.isNaN(a)) {
                return;
            }
            sum += a;
            min = Math.min(min, a);
            if (a > max) {
                max = a;
                maxAt = s.index();
            }
        }
        double allowed = Math.max(1.0, tolerance * sum / measured.size());
        if (max - min > allowed) {
            out.add(new MemoryVariance(run.benchmark(), run.params(), min, max, allowed, maxAt));
        }
    }
}
