package dev.benchbook.load;

import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.engine.Runner;
import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metric.Aggregate;
import dev.benchbook.metric.Metric.Direction;
import dev.benchbook.metric.Metric.Scope;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs a load benchmark ({@link LoadBenchmark}, {@code Suite.load(name, body)}) in this JVM: the suite's setup
 * (which typically starts the server), then per iteration the body's {@link Load}, run once; then the
 * teardown, also after a failure. Warmup iterations run the same way and are marked warmup. Adaptive stopping
 * is not applied: a load benchmark measures {@code iterations} runs (the fixed count, or the minimum of an
 * adaptive suite), as a process benchmark does.
 *
 * <h2>What an iteration records</h2>
 * An iteration's operations are its {@code ok} responses ({@code batch_size}), and its time per operation
 * ({@code wall_ns}, so the summary's {@code mean_ns}) is their mean latency, from each request's scheduled
 * time in the open model (from its send in a closed loop), as HdrHistogram holds it (3 significant digits).
 * Beside it, as metrics: the latency percentiles {@code p50_ns, p90_ns, p99_ns, p999_ns} and {@code
 * latency_max_ns}; {@code target_rps} and {@code achieved_rps}; the window's {@code requests}, {@code errors},
 * {@code dropped} and {@code late} requests; the generator's own scheduling lag {@code lag_p99_ns} and CPU
 * {@code client_cpu_pct}; and, when the load names its server ({@link Load#server(long)}), the server's
 * {@code server_cpu_pct} and {@code server_rss_bytes}. A figure that the platform could not give is left
 * out of that iteration, never filled in. The output hash is of the window's {@code requests} and {@code ok}
 * counts: the same in every iteration of a healthy server at a steady rate, so a server that fails or drops
 * requests shows as nondeterministic output.
 *
 * <h2>Failures</h2>
 * A benchmark with no successful response in an iteration fails, with the errors by kind; an invalid load
 * fails with the load's own message; a body, setup or teardown that throws fails the benchmark with what it
 * threw. Before each iteration the runner checks that the iteration's warmup, window and response timeout
 * fit in what is left of the suite's timeout, and otherwise stops the benchmark as timed out, with the
 * iterations measured so far.
 */
public final class LoadRunner implements Runner {
    /** This runner's id. */
    public static final String ID = "load";

    /** The median latency of an iteration's window. */
    public static final Metric P50_NS = latency("p50_ns", "median");
    /** The 90th percentile latency. */
    public static final Metric P90_NS = latency("p90_ns", "90th percentile");
    /** The 99th percentile latency. */
    public static final Metric P99_NS = latency("p99_ns", "99th percentile");
    /** The 99.9th percentile latency. */
    public static final Metric P999_NS = latency("p999_ns", "99.9th percentile");
    /** The highest latency. */
    public static final Metric LATENCY_MAX_NS = latency("latency_max_ns", "highest");
    /** The mean target rate of the window. */
    public static final Metric TARGET_RPS = new Metric("target_rps", "req/s", Direction.NEUTRAL, Scope.PER_ITERATION,
            Aggregate.MEAN, "the arrival rate the load asked for, requests per second");
    /** The rate the server answered. */
    public static final Metric ACHIEVED_RPS = new Metric("achieved_rps", "req/s", Direction.HIGHER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.MEAN, "responses per second over the measured window");
    /** Requests scheduled in the window. */
    public static final Metric REQUESTS = new Metric("requests", "count", Direction.NEUTRAL, Scope.PER_ITERATION,
            Aggregate.MEAN, "requests scheduled in the measured window: ok + errors + dropped");
    /** Failed requests. */
    public static final Metric ERRORS = new Metric("errors", "count", Direction.LOWER_IS_BETTER, Scope.PER_ITERATION,
            Aggregate.MEAN, "requests that failed (status >= 400, timeout, reset, refused or malformed)");
    /** Requests never sent. */
    public static final Metric DROPPED = new Metric("dropped", "count", Direction.LOWER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.MEAN, "requests still unsent past the load's drop bound, never sent");
    /** Requests sent late. */
    public static final Metric LATE = new Metric("late", "count", Direction.LOWER_IS_BETTER, Scope.PER_ITERATION,
            Aggregate.MEAN, "requests sent more than 1 ms after they were due and had a free connection");
    /** The generator's scheduling lag. */
    public static final Metric LAG_P99_NS = new Metric("lag_p99_ns", "ns", Direction.NEUTRAL, Scope.PER_ITERATION,
            Aggregate.MEAN, "99th percentile of the generator's own lag in sending a due request; a large figure "
                    + "means the generator, not the server, was behind");
    /** The generator's CPU. */
    public static final Metric CLIENT_CPU_PCT = new Metric("client_cpu_pct", "%", Direction.NEUTRAL,
            Scope.PER_ITERATION, Aggregate.MEAN, "the load generator's CPU over the window, percent of one core");
    /** The server's CPU. */
    public static final Metric SERVER_CPU_PCT = new Metric("server_cpu_pct", "%", Direction.LOWER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.MEAN, "the server process's CPU over the window, percent of one core "
                    + "(from /proc; the generator's too when the server is this JVM)");
    /** The server's resident set. */
    public static final Metric SERVER_RSS_BYTES = new Metric("server_rss_bytes", "bytes", Direction.LOWER_IS_BETTER,
            Scope.PER_ITERATION, Aggregate.MEAN, "the server process's resident set at the window's end (from /proc)");

    /** Every metric a load iteration can carry, in table order. */
    public static final List<Metric> METRICS = List.of(P50_NS, P90_NS, P99_NS, P999_NS, LATENCY_MAX_NS, TARGET_RPS,
            ACHIEVED_RPS, REQUESTS, ERRORS, DROPPED, LATE, LAG_P99_NS, CLIENT_CPU_PCT, SERVER_CPU_PCT,
            SERVER_RSS_BYTES);

    /** Room past an iteration's warmup and window for the last responses to come in. */
    private static final long DRAIN_SLACK_NS = Duration.ofSeconds(1).toNanos();

    private static Metric latency(String id, String which) {
        return new Metric(id, "ns", Direction.LOWER_IS_BETTER, Scope.PER_ITERATION, Aggregate.MEAN,
                "the " + which + " latency of the window's ok responses, from each request's scheduled time");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public Support supports(SuiteSpec spec, BenchmarkSpec bench) {
        return bench.shape() == BenchmarkSpec.Shape.LOAD ? Support.YES
                : Support.no("only load benchmarks run as load runs");
    }

    @Override
    @SuppressWarnings("unchecked")
    public BenchmarkRun run(RunRequest request, RunListener listener) {
        SuiteSpec spec = request.suite();
        RunControls c = spec.controls();
        LoadBenchmark<Object> body = (LoadBenchmark<Object>) request.bench().body();
        BenchContext ctx = new BenchContext(spec.name(), request.bench().name(), request.params(), c.seed());
        List<IterationSample> samples = new ArrayList<>();
        long deadline = System.nanoTime() + c.timeout().toNanos();
        Object state;
        try {
            state = spec.setup() == null ? null : spec.setup().setUp(ctx);
        } catch (Throwable t) {
            return result(request, Status.FAILED, threw("setup", t), samples);
        }
        BenchmarkRun run;
        try {
            run = iterations(request, listener, body, ctx, state, samples, deadline);
        } catch (CancellationException e) {
            tearDown(spec, ctx, state);
            throw e;
        } catch (RuntimeException e) {
            run = result(request, Status.FAILED, threw("benchmark", e), samples);
        }
        String failed = tearDown(spec, ctx, state);
        if (!failed.isEmpty() && run.status() == Status.OK) {
            run = result(request, Status.FAILED, failed, samples);
        }
        return run;
    }

    private BenchmarkRun iterations(RunRequest request, RunListener listener, LoadBenchmark<Object> body,
            BenchContext ctx, Object state, List<IterationSample> samples, long deadline) {
        RunControls c = request.suite().controls();
        int total = c.warmupIterations() + c.iterations();
        for (int i = 0; i < total; i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("load run of " + request.label() + " was interrupted");
            }
            Load load;
            LoadPlan plan;
            try {
                load = body.load(ctx, state);
                if (load == null) {
                    return result(request, Status.FAILED, "the body returned no load at iteration " + i
                            + "; return the Load to run, e.g. Load.http(uri).rate(1000)", samples);
                }
                plan = load.plan();
            } catch (Throwable t) {
                return result(request, Status.FAILED, threw("benchmark", t), samples);
            }
            long needs = plan.warmupNs() + plan.durationNs() + Math.min(plan.timeoutNs(), DRAIN_SLACK_NS);
            long left = deadline - System.nanoTime();
            if (needs > left) {
                return result(request, Status.TIMED_OUT, String.format(java.util.Locale.ROOT,
                        "exceeded timeout %s before iteration %d: one iteration takes about %.1f s (warmup, window "
                                + "and the last responses) and %.1f s are left; raise .timeout(...) or shorten the load",
                        c.timeout(), i, needs / 1e9, Math.max(0, left) / 1e9), samples);
            }
            LoadResult r;
            try {
                r = load.run();
            } catch (CancellationException e) {
                throw e;
            } catch (Throwable t) {
                return result(request, Status.FAILED, threw("load", t), samples);
            }
            if (r.ok() == 0) {
                return result(request, Status.FAILED, "no request succeeded at iteration " + i + " ("
                        + r.requests() + " scheduled, " + r.errorCount() + " failed, " + r.dropped() + " dropped"
                        + errorsByKind(r) + "); check that the server is up and answers " + plan.uri(), samples);
            }
            IterationSample s = sample(i, i < c.warmupIterations(), r);
            samples.add(s);
            listener.onIteration(request.bench().name(), request.params(), s);
        }
        return new BenchmarkRun(request.bench().name(), request.params(), Status.OK, "", samples, StopReason.FIXED,
                Map.of(), ID);
    }

    /** One iteration's sample from its load result; see the class doc. */
    static IterationSample sample(int index, boolean warmup, LoadResult r) {
        Map<String, Double> v = new LinkedHashMap<>();
        put(v, P50_NS, r.percentileNs(50));
        put(v, P90_NS, r.percentileNs(90));
        put(v, P99_NS, r.percentileNs(99));
        put(v, P999_NS, r.percentileNs(99.9));
        put(v, LATENCY_MAX_NS, r.maxNs());
        put(v, TARGET_RPS, r.targetRps());
        put(v, ACHIEVED_RPS, r.achievedRps());
        put(v, REQUESTS, r.requests());
        put(v, ERRORS, r.errorCount());
        put(v, DROPPED, r.dropped());
        put(v, LATE, r.late());
        put(v, LAG_P99_NS, r.lagNs(99));
        put(v, CLIENT_CPU_PCT, r.clientCpuPercent());
        put(v, SERVER_CPU_PCT, r.serverCpuPercent());
        put(v, SERVER_RSS_BYTES, r.serverRssBytes());
        long wall = Math.max(1, Math.round(r.meanNs() * r.ok()));
        long hash = 0xcbf29ce484222325L;
        for (long x : new long[] {r.requests(), r.ok()}) {
            for (int b = 0; b < 8; b++) {
                hash ^= (x >>> (8 * b)) & 0xff;
                hash *= 0x100000001b3L;
            }
        }
        return new IterationSample(index, warmup, 0, r.ok(), wall, hash, v);
    }

    private static void put(Map<String, Double> into, Metric m, double value) {
        if (Double.isFinite(value)) {
            into.put(m.id(), value);
        }
    }

    private static String errorsByKind(LoadResult r) {
        StringBuilder b = new StringBuilder();
        for (ErrorKind k : ErrorKind.values()) {
            long n = r.errorCount(k);
            if (n > 0) {
                b.append(b.length() == 0 ? ": " : ", ").append(k.label()).append(' ').append(n);
            }
        }
        return b.toString();
    }

    /** Runs the teardown; returns its failure, empty when it passed or there is none. */
    private static String tearDown(SuiteSpec spec, BenchContext ctx, Object state) {
        if (spec.teardown() == null) {
            return "";
        }
        try {
            spec.teardown().tearDown(ctx, state);
            return "";
        } catch (Throwable t) {
            return threw("teardown", t);
        }
    }

    private static String threw(String phase, Throwable t) {
        String msg = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StackTraceElement[] st = t.getStackTrace();
        return phase + " threw " + msg + (st.length > 0 ? " (at " + st[0] + ")" : "");
    }

    private static BenchmarkRun result(RunRequest r, Status status, String error, List<IterationSample> samples) {
        return new BenchmarkRun(r.bench().name(), r.params(), status, error, samples, StopReason.NONE, Map.of(), ID);
    }
}
