package dev.benchbook.harness;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One benchmark at one param combination, from setup to teardown, on the measuring thread.
 *
 * <p>Per iteration: read counters, time one batch that only invokes and consumes into the
 * Blackhole, read counters again, then make one untimed verification invocation whose output is
 * hashed. Bookkeeping and hashing thus stay outside the timed region.
 */
final class BenchmarkExecution {
    private static final String BLACKHOLE_CHALLENGE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    private final SuiteSpec spec;
    private final BenchmarkSpec bench;
    private final ParamSet params;
    private final Clock clock;
    private final ThreadMetrics metrics;
    private final RunListener listener;
    private final PrecisionEstimator precision;
    private final List<IterationSample> samples = new CopyOnWriteArrayList<>();
    private final LoopControl control = new LoopControl();
    private final ThreadMetrics.Counters before = new ThreadMetrics.Counters();
    private final ThreadMetrics.Counters after = new ThreadMetrics.Counters();
    private volatile Status status = Status.OK;
    private volatile String error = "";
    private volatile StopReason stopReason = StopReason.NONE;

    BenchmarkExecution(SuiteSpec spec, BenchmarkSpec bench, ParamSet params, Clock clock, ThreadMetrics metrics,
            RunListener listener, PrecisionEstimator precision) {
        this.spec = spec;
        this.bench = bench;
        this.params = params;
        this.clock = clock;
        this.metrics = metrics;
        this.listener = listener;
        this.precision = precision;
    }

    /** Asks the run to stop; a running batch notices at its next invocation. */
    void cancel() {
        control.stop = true;
    }

    int completedIterations() {
        return samples.size();
    }

    BenchmarkRun result() {
        return new BenchmarkRun(bench.name(), params, status, error, samples, stopReason);
    }

    BenchmarkRun result(Status forced, String message) {
        return new BenchmarkRun(bench.name(), params, forced, message, samples, StopReason.NONE);
    }

    /** Runs setup, calibration, warmup, measurement and teardown; records failures instead of throwing. */
    void execute() {
        RunControls c = spec.controls();
        listener.onBenchmarkStart(bench.name(), params, c.plannedIterations());
        BenchContext ctx = new BenchContext(spec.name(), bench.name(), params, c.seed());
        Object state;
        try {
            state = spec.setup() == null ? null : spec.setup().setUp(ctx);
        } catch (Throwable t) {
            fail("setup", t);
            return;
        }
        try {
            stopReason = measure(ctx, state, c);
        } catch (Cancelled e) {
            return;
        } catch (Throwable t) {
            fail("benchmark", t);
        } finally {
            if (!control.stop && spec.teardown() != null) {
                try {
                    spec.teardown().tearDown(ctx, state);
                } catch (Throwable t) {
                    if (status == Status.OK) {
                        fail("teardown", t);
                    }
                }
            }
        }
    }

    private StopReason measure(BenchContext ctx, Object state, RunControls c) throws Exception {
        Blackhole bh = new Blackhole(BLACKHOLE_CHALLENGE);
        LoopFactory.BoundLoop loop = LoopFactory.bind(bench, clock, ctx, state, bh, control);
        long target = c.iterationTime().toNanos();
        long batch = BatchCalibrator.calibrate(n -> checked(loop.time(n)), target, this::checkCancelled);
        int index = 0;
        for (; index < c.warmupIterations(); index++) {
            long wall = iteration(loop, ctx, state, bh, batch, index, true);
            if (index == c.warmupIterations() - 1) {
                batch = BatchCalibrator.rescale(batch, wall, target);
            }
        }
        List<Double> measured = new ArrayList<>();
        long measureStart = clock.nanoTime();
        while (true) {
            long wall = iteration(loop, ctx, state, bh, batch, index++, false);
            measured.add((double) wall / batch);
            int n = measured.size();
            if (c.fixedIterations()) {
                if (n >= c.iterations()) {
                    return StopReason.FIXED;
                }
                continue;
            }
            if (n >= c.iterations() && precisionReached(measured, c)) {
                return StopReason.TARGET_MET;
            }
            if (n >= c.maxIterations()) {
                return StopReason.ITERATION_CAP;
            }
            if (clock.nanoTime() - measureStart >= c.maxTime().toNanos()) {
                return StopReason.TIME_CAP;
            }
        }
    }

    private boolean precisionReached(List<Double> measured, RunControls c) {
        double[] xs = measured.stream().mapToDouble(Double::doubleValue).toArray();
        double rel = precision.relativeHalfWidth(xs, c.confidence());
        return rel <= c.targetPrecision();
    }

    private long iteration(LoopFactory.BoundLoop loop, BenchContext ctx, Object state, Blackhole bh, long batch,
            int index, boolean warmup) throws Exception {
        checkCancelled();
        metrics.begin(before);
        long wall = loop.time(batch);
        metrics.end(after);
        checkCancelled();
        Object out = bench.invoke(ctx, state);
        long hash = OutputHasher.hash(out);
        bh.consume(out);
        IterationSample s = new IterationSample(index, warmup, batch, wall,
                delta(before.cpuNs, after.cpuNs), delta(before.allocatedBytes, after.allocatedBytes),
                after.gcCount - before.gcCount, after.gcTimeMs - before.gcTimeMs, hash);
        samples.add(s);
        listener.onIteration(bench.name(), params, s);
        return wall;
    }

    /** A batch cut short by cancellation must not be mistaken for a fast one. */
    private long checked(long wall) throws Cancelled {
        checkCancelled();
        return wall;
    }

    private void checkCancelled() throws Cancelled {
        if (control.stop || Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    private static long delta(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private void fail(String phase, Throwable t) {
        status = Status.FAILED;
        String msg = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StackTraceElement[] st = t.getStackTrace();
        error = phase + " threw " + msg + (st.length > 0 ? " (at " + st[0] + ")" : "");
    }

    /** Unwinds the measuring thread after {@link #cancel()}. */
    private static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }
}
