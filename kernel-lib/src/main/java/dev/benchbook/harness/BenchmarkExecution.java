package dev.benchbook.harness;

import dev.benchbook.engine.RunListener;
import dev.benchbook.metric.Metric;
import dev.benchbook.metric.MetricSource;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.Defaults;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.stats.Warmup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One benchmark at one param combination, from setup to teardown, on the measuring thread.
 *
 * <p>Per iteration: read every metric source's counters, time one batch that only invokes and
 * consumes into the Blackhole, read the counters again, then make one untimed verification
 * invocation whose output is hashed. Bookkeeping, hashing, the heap readings and the memory-limit
 * check stay outside the timed region.
 */
final class BenchmarkExecution {
    private static final String BLACKHOLE_CHALLENGE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    private final SuiteSpec spec;
    private final BenchmarkSpec bench;
    private final ParamSet params;
    private final Clock clock;
    private final List<MetricSource> sources;
    private final RunListener listener;
    private final PrecisionEstimator precision;
    private final CompilerActivity jit;
    private final List<IterationSample> samples = new CopyOnWriteArrayList<>();
    private final LoopControl control = new LoopControl();
    private final HeapWatch heap = new HeapWatch();
    private final Map<String, Double> runValues = new LinkedHashMap<>();
    private MetricSource.Probe[] probes;
    private Metric[] slots;
    private int[] offsets;
    private long[] before;
    private long[] after;
    /** The iteration index of memory checks between calibration batches. */
    private static final int CALIBRATING = -2;
    private long heldBefore;
    /** The benchmark's threads with {@code .threads(n)}, else null: the body runs on the measuring thread. */
    private volatile ThreadGang gang;
    private volatile Status status = Status.OK;
    private volatile String error = "";
    private volatile StopReason stopReason = StopReason.NONE;

    BenchmarkExecution(SuiteSpec spec, BenchmarkSpec bench, ParamSet params, Clock clock, List<MetricSource> sources,
            RunListener listener, PrecisionEstimator precision, CompilerActivity jit) {
        this.spec = spec;
        this.bench = bench;
        this.params = params;
        this.clock = clock;
        this.sources = sources;
        this.listener = listener;
        this.precision = precision;
        this.jit = jit;
    }

    /** Asks the run to stop; a running batch notices at its next invocation. */
    void cancel() {
        control.stop = true;
        ThreadGang g = gang;
        if (g != null) {
            g.cancel();
        }
    }

    /** The benchmark's own threads besides the measuring thread, for a forced stop. */
    List<Thread> helperThreads() {
        ThreadGang g = gang;
        return g == null ? List.of() : g.threads();
    }

    int completedIterations() {
        return samples.size();
    }

    BenchmarkRun result() {
        return new BenchmarkRun(bench.name(), params, status, error, samples, stopReason, runValues, Harness.ID);
    }

    BenchmarkRun result(Status forced, String message) {
        return new BenchmarkRun(bench.name(), params, forced, message, samples, StopReason.NONE, runValues, Harness.ID);
    }

    /** Runs setup, calibration, warmup, measurement and teardown; records failures instead of throwing. */
    void execute() {
        RunControls c = spec.controls();
        openProbes();
        heap.start();
        // What the JVM already holds (a notebook's own data) is not the run's: the limit counts growth from here.
        heldBefore = c.memoryLimitBytes() > 0 ? heap.liveAfterCollection() : 0;
        int threads = c.multiThreaded() ? c.threadsFor(params) : 1;
        BenchContext base = new BenchContext(spec.name(), bench.name(), params, c.seed());
        BenchContext ctx = c.multiThreaded() ? base.forThread(0, threads) : base;
        Object state;
        try {
            state = spec.setup() == null ? null : spec.setup().setUp(ctx);
        } catch (Throwable t) {
            fail("setup", t);
            return;
        }
        try {
            checkMemory(c, -1);
            stopReason = measure(ctx, state, c);
        } catch (Cancelled e) {
            return;
        } catch (MemoryExceeded e) {
            status = Status.MEMORY_EXCEEDED;
            error = e.getMessage();
        } catch (Throwable t) {
            fail("benchmark", t);
        } finally {
            ThreadGang g = gang;
            if (g != null) {
                g.close();
            }
            recordHeap();
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

    private void openProbes() {
        probes = new MetricSource.Probe[sources.size()];
        offsets = new int[sources.size() + 1];
        List<Metric> all = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            probes[i] = sources.get(i).open();
            offsets[i] = all.size();
            all.addAll(sources.get(i).metrics());
        }
        offsets[sources.size()] = all.size();
        slots = all.toArray(new Metric[0]);
        before = new long[slots.length];
        after = new long[slots.length];
    }

    private StopReason measure(BenchContext ctx, Object state, RunControls c) throws Exception {
        Blackhole bh = new Blackhole(BLACKHOLE_CHALLENGE);
        // One untimed trial call tells which box a generic body returns, so its loop unboxes with one check.
        LoopArgs.Box box = bench.shape() == BenchmarkSpec.Shape.OBJECT || bench.shape() == BenchmarkSpec.Shape.STATEFUL_OBJECT
                ? LoopArgs.Box.of(bench.invoke(ctx, state)) : LoopArgs.Box.OTHER;
        LoopFactory.BoundLoop loop = c.multiThreaded()
                ? gang(ctx, state, box)
                : LoopFactory.bind(bench, clock, ctx, state, bh, control, box);
        long target = c.iterationTime().toNanos();
        long batch = BatchCalibrator.calibrate(n -> checked(loop.time(n)), target, () -> {
            checkCancelled();
            checkMemory(c, CALIBRATING);
        });
        int index = 0;
        double[] warm = new double[c.warmupCap()];
        long[] compiled = new long[c.warmupCap()];
        for (; index < c.warmupCap(); index++) {
            long wall = iteration(loop, ctx, state, bh, batch, index, true, c);
            warm[index] = (double) wall / batch;
            compiled[index] = jit.totalMs();
            boolean done = index + 1 >= c.warmupIterations() && (!c.adaptiveWarmup()
                    || Warmup.settled(Arrays.copyOf(warm, index + 1), Arrays.copyOf(compiled, index + 1),
                            c.warmupIterations(), Defaults.WARMUP_WINDOW, Defaults.JIT_QUIET_ITERATIONS));
            if (done || index == c.warmupCap() - 1) {
                batch = BatchCalibrator.rescale(batch, wall, target);
                index++;
                break;
            }
        }
        listener.onMeasurementStart(bench.name(), params);
        try {
            return measured(loop, ctx, state, bh, batch, index, c);
        } finally {
            listener.onMeasurementEnd(bench.name(), params);
        }
    }

    /**
     * Starts the benchmark's threads, each bound to a loop copy of its own, and returns the gang as the
     * loop that the measuring thread times batch by batch.
     */
    private LoopFactory.BoundLoop gang(BenchContext ctx, Object state, LoopArgs.Box box) {
        int n = ctx.threadCount();
        BenchContext[] contexts = new BenchContext[n];
        for (int i = 0; i < n; i++) {
            contexts[i] = ctx.forThread(i, n);
        }
        gang = new ThreadGang("benchbook " + spec.name() + "/" + bench.name(), clock, control, contexts,
                threadCtx -> LoopFactory.bind(bench, clock, threadCtx, state, new Blackhole(BLACKHOLE_CHALLENGE),
                        control, box));
        return gang::time;
    }

    private StopReason measured(LoopFactory.BoundLoop loop, BenchContext ctx, Object state, Blackhole bh, long batch,
            int first, RunControls c) throws Exception {
        int index = first;
        List<Double> measured = new ArrayList<>();
        long measureStart = clock.nanoTime();
        while (true) {
            long wall = iteration(loop, ctx, state, bh, batch, index++, false, c);
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
            int index, boolean warmup, RunControls c) throws Exception {
        checkCancelled();
        ctx.customMetrics().reset();
        ThreadGang g = gang;
        if (g != null) {
            g.resetCustomMetrics();
        }
        for (int i = 0; i < probes.length; i++) {
            probes[i].begin(before, offsets[i]);
        }
        long wall = loop.time(batch);
        for (int i = probes.length - 1; i >= 0; i--) {
            probes[i].end(after, offsets[i]);
        }
        checkCancelled();
        Object out = bench.invoke(ctx, state);
        long hash = OutputHasher.hash(out);
        bh.consume(out);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < slots.length; i++) {
            if (before[i] < 0 || after[i] < 0) {
                continue;
            }
            double delta = after[i] - before[i];
            values.put(slots[i].id(), slots[i].scope() == Metric.Scope.PER_OP ? delta / batch : delta);
        }
        ctx.customMetrics().meansInto(values);
        if (g != null) {
            g.valuesInto(values, batch, wall);
            g.customMeansInto(values);
        }
        IterationSample s = new IterationSample(index, warmup, 0, batch, wall, hash, values);
        samples.add(s);
        listener.onIteration(bench.name(), params, s);
        checkMemory(c, index);
        return wall;
    }

    private void checkMemory(RunControls c, int index) throws MemoryExceeded {
        long limit = c.memoryLimitBytes();
        long live = heap.liveBytes();
        if (limit < 0) {
            return;
        }
        // A reading from a collection before the previous check may predate what the run retained since.
        if (live - heldBefore <= limit && heap.usedBytes() - heldBefore > limit && !heap.collectedSinceLastReading()) {
            live = heap.liveAfterCollection();
        }
        if (live - heldBefore > limit) {
            throw new MemoryExceeded(String.format(Locale.ROOT,
                    "exceeded memoryLimit %s: the run held %s of live heap (after a collection) beyond the %s the JVM "
                            + "held when it started, %s; raise .memoryLimit(...) or make the benchmark retain less",
                    mib(limit), mib(live - heldBefore), mib(heldBefore),
                    index == CALIBRATING ? "while calibrating the batch size" : index < 0 ? "after setup"
                            : "at iteration " + index + " (warmup included)"));
        }
    }

    private void recordHeap() {
        runValues.put(Metrics.PEAK_HEAP_BYTES.id(), (double) heap.peakBytes());
        heap.liveBytes();
        if (heap.peakLiveBytes() >= 0) {
            runValues.put(Metrics.PEAK_LIVE_HEAP_BYTES.id(), (double) heap.peakLiveBytes());
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
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

    private void fail(String phase, Throwable t) {
        String where = "";
        if (t instanceof ThreadGang.ThreadFailed f) {
            where = f.where();
            t = f.getCause();
        }
        status = Status.FAILED;
        String msg = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StackTraceElement[] st = t.getStackTrace();
        error = phase + " threw " + msg + where + (st.length > 0 ? " (at " + st[0] + ")" : "");
    }

    /** Unwinds the measuring thread after {@link #cancel()}. */
    private static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** Unwinds the measuring thread when the run holds more live heap than its limit. */
    private static final class MemoryExceeded extends Exception {
        private static final long serialVersionUID = 1L;

        MemoryExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
