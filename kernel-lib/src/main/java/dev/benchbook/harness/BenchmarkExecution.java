package dev.benchbook.harness;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.StatefulBenchmark;
import dev.benchbook.spec.SuiteSpec;
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
    private final List<IterationSample> samples = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile Status status = Status.OK;
    private volatile String error = "";

    BenchmarkExecution(SuiteSpec spec, BenchmarkSpec bench, ParamSet params, Clock clock, ThreadMetrics metrics,
            RunListener listener) {
        this.spec = spec;
        this.bench = bench;
        this.params = params;
        this.clock = clock;
        this.metrics = metrics;
        this.listener = listener;
    }

    /** Asks the run to stop at the next iteration boundary. */
    void cancel() {
        cancelled = true;
    }

    int completedIterations() {
        return samples.size();
    }

    BenchmarkRun result() {
        return new BenchmarkRun(bench.name(), params, status, error, samples);
    }

    BenchmarkRun result(Status forced, String message) {
        return new BenchmarkRun(bench.name(), params, forced, message, samples);
    }

    /** Runs setup, calibration, warmup, measurement and teardown; records failures instead of throwing. */
    void execute() {
        RunControls c = spec.controls();
        listener.onBenchmarkStart(bench.name(), params, c.warmupIterations() + c.iterations());
        BenchContext ctx = new BenchContext(spec.name(), bench.name(), params, c.seed());
        Object state;
        try {
            state = spec.setup() == null ? null : spec.setup().setUp(ctx);
        } catch (Throwable t) {
            fail("setup", t);
            return;
        }
        try {
            measure(ctx, state, c);
        } catch (Cancelled e) {
            return;
        } catch (Throwable t) {
            fail("benchmark", t);
        } finally {
            if (!cancelled && spec.teardown() != null) {
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

    private void measure(BenchContext ctx, Object state, RunControls c) throws Exception {
        StatefulBenchmark<Object> body = bench.body();
        Blackhole bh = new Blackhole(BLACKHOLE_CHALLENGE);
        long target = c.iterationTime().toNanos();
        long batch = BatchCalibrator.calibrate(n -> timeBatch(body, ctx, state, bh, n), target, this::checkCancelled);
        int total = c.warmupIterations() + c.iterations();
        for (int i = 0; i < total; i++) {
            checkCancelled();
            boolean warmup = i < c.warmupIterations();
            ThreadMetrics.Snapshot before = metrics.begin();
            long wall = timeBatch(body, ctx, state, bh, batch);
            ThreadMetrics.Snapshot after = metrics.end();
            Object out = body.run(ctx, state);
            long hash = OutputHasher.hash(out);
            bh.consume(out);
            IterationSample s = new IterationSample(i, warmup, batch, wall,
                    delta(before.cpuNs(), after.cpuNs()), delta(before.allocatedBytes(), after.allocatedBytes()),
                    after.gcCount() - before.gcCount(), after.gcTimeMs() - before.gcTimeMs(), hash);
            samples.add(s);
            listener.onIteration(bench.name(), params, s);
            if (i == c.warmupIterations() - 1) {
                batch = BatchCalibrator.rescale(batch, wall, target);
            }
        }
    }

    private long timeBatch(StatefulBenchmark<Object> body, BenchContext ctx, Object state, Blackhole bh, long n)
            throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n; i++) {
            bh.consume(body.run(ctx, state));
        }
        return clock.nanoTime() - start;
    }

    private void checkCancelled() throws Cancelled {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    private static long delta(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private void fail(String phase, Throwable t) {
        status = Status.FAILED;
        Throwable root = t;
        String msg = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StackTraceElement[] st = root.getStackTrace();
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
