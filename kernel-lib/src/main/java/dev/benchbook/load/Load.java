package dev.benchbook.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open-model HTTP/1.1 load run against a server on this machine:
 * <pre>{@code
 * var r = Load.http(URI.create("http://127.0.0.1:8080/hello")).rate(2000).duration(Duration.ofSeconds(5))
 *         .warmup(Duration.ofSeconds(1)).connections(8).run();
 * r.summary()
 * }</pre>
 *
 * <h2>The model</h2>
 * Requests are scheduled at a constant arrival rate (request {@code k} at {@code k / rate} seconds), whatever
 * the server does, and each latency runs from the request's <em>scheduled</em> time to its response, as in
 * wrk2: when the server stalls, the requests that should have gone out meanwhile wait, and their wait is in the
 * percentiles (no coordinated omission). Warmup requests are sent the same way and not recorded. One thread
 * drives every connection through an NIO selector, with a minimal HTTP/1.1 writer and response parser
 * (Content-Length, chunked, or to end of connection); a second thread only wakes it at send times.
 *
 * <h2>Bounds</h2>
 * Each keep-alive connection carries at most {@link #maxInFlight} outstanding requests (default 1, no
 * pipelining). A due request goes on the connection that has been free longest; when none has room, it waits,
 * and its wait counts in its latency. A request still unsent {@link #dropAfter} (default 1 s) after its
 * scheduled time is <b>dropped</b>: never sent, counted in {@code dropped}, not in the latencies. A sent
 * request without a response {@link #timeout} (default 5 s) after sending fails as a {@code timeout} and its
 * connection is closed and reopened. Rates are at most {@value #MAX_RATE} per second and warmup plus duration
 * at most 10 minutes; the run ends by itself at the end of the schedule, once the last response is in or has
 * timed out.
 *
 * <h2>Safety</h2>
 * Only loopback targets: {@code 127.0.0.0/8}, {@code ::1} or {@code localhost} resolving only to loopback.
 * Anything else is refused by {@link #http} before any connection is made.
 *
 * <h2>Closed loop</h2>
 * {@link #closedLoop()} is the other model, for comparison: each connection sends its next request only after
 * the previous response (and, with a rate, not before its turn at {@code rate / connections} per connection),
 * and latency runs from the send, as in wrk. A stall then delays only the few requests in flight, and the
 * percentiles hide it.
 */
public final class Load {
    /** The highest rate a run accepts, requests per second. */
    public static final double MAX_RATE = 1_000_000;
    /** The longest warmup plus duration of a run. */
    public static final Duration MAX_RUN = Duration.ofMinutes(10);
    /** The longest a whole sweep may take (its warmups and durations together). */
    public static final Duration MAX_SWEEP = Duration.ofMinutes(30);
    /** Default measured duration: 10 s. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** Default warmup: 1 s. */
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(1);
    /** Default connections: 8. */
    public static final int DEFAULT_CONNECTIONS = 8;
    /** Most connections a run opens. */
    public static final int MAX_CONNECTIONS = 1024;
    /** Most outstanding requests per connection. */
    public static final int MAX_IN_FLIGHT = 128;
    /** Default response timeout: 5 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Default drop bound: 1 s. */
    public static final Duration DEFAULT_DROP_AFTER = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final URI uri;
    private final InetSocketAddress address;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Double rate;
    private Double rampTo;
    private Duration duration = DEFAULT_DURATION;
    private Duration warmup = DEFAULT_WARMUP;
    private int connections = DEFAULT_CONNECTIONS;
    private int maxInFlight = 1;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration dropAfter = DEFAULT_DROP_AFTER;
    private boolean closedLoop;
    private long serverPid = -1;

    private Load(URI uri) {
        this.address = LoopbackTarget.address(uri);
        this.uri = uri;
    }

    /**
     * A GET load on {@code uri}, which must be an {@code http} URI of a loopback host.
     *
     * @throws IllegalArgumentException for any other URI, naming the rule and the fix
     */
    public static Load http(URI uri) {
        return new Load(uri);
    }

    /** The constant arrival rate, requests per second, in (0, {@value #MAX_RATE}]. Required in the open model. */
    public Load rate(double perSecond) {
        this.rate = perSecond;
        this.rampTo = null;
        return this;
    }

    /**
     * A ramp instead of a constant rate: the measured window lasts {@code over} and its rate rises (or falls)
     * linearly from {@code from} to {@code to} per second; the warmup runs at {@code from}. {@link
     * LoadResult#perSecond()} shows target and achieved rates second by second. Replaces {@link #duration}.
     */
    public Load ramp(double from, double to, Duration over) {
        this.rate = from;
        this.rampTo = to;
        this.duration = over;
        return this;
    }

    /** The measured window, in (0, 10 min] with the warmup; default 10 s. */
    public Load duration(Duration d) {
        this.duration = d;
        return this;
    }

    /** The unrecorded warmup before the window, at the same rate, at least 0; default 1 s. */
    public Load warmup(Duration d) {
        this.warmup = d;
        return this;
    }

    /** Keep-alive connections, 1 to {@value #MAX_CONNECTIONS}; default {@value #DEFAULT_CONNECTIONS}. */
    public Load connections(int n) {
        this.connections = n;
        return this;
    }

    /**
     * Outstanding requests allowed per connection, 1 to {@value #MAX_IN_FLIGHT}; default 1. Above 1 the
     * requests are pipelined, which the server must support (responses come back in order).
     */
    public Load maxInFlight(int perConnection) {
        this.maxInFlight = perConnection;
        return this;
    }

    /** How long a sent request may wait for its response before it fails as a timeout, (0, 60 s]; default 5 s. */
    public Load timeout(Duration d) {
        this.timeout = d;
        return this;
    }

    /**
     * How late an unsent request may become, while every connection is full, before it is dropped (not sent,
     * counted in {@code dropped}), (0, 60 s]; default 1 s.
     */
    public Load dropAfter(Duration d) {
        this.dropAfter = d;
        return this;
    }

    /** A request header sent on every request (after Host and User-Agent). */
    public Load header(String name, String value) {
        if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("header(name=" + name + "): must be an HTTP token (letters, digits, "
                    + "and !#$%&'*+-.^_`|~); e.g. \"Accept\"");
        }
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header(" + name + ", value=" + value + "): must be non-null "
                    + "without CR or LF");
        }
        if (name.equalsIgnoreCase("host") || name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("transfer-encoding")) {
            throw new IllegalArgumentException("header(name=" + name + "): set by the generator itself; "
                    + "leave it out");
        }
        headers.put(name, value);
        return this;
    }

    /**
     * Switches to the closed loop (see the class doc): latency from the send, each connection waits for its
     * response. With {@link #rate} set, each connection sends at most {@code rate / connections} per second;
     * without it, as fast as the server answers.
     */
    public Load closedLoop() {
        this.closedLoop = true;
        return this;
    }

    /** Samples this process's CPU time and RSS over the measured window (Linux {@code /proc}). */
    public Load server(ProcessHandle process) {
        if (process == null) {
            throw new IllegalArgumentException("server(process=null): pass ProcessHandle.current() for a server in "
                    + "this JVM, or the server's handle");
        }
        return server(process.pid());
    }

    /** Samples the process {@code pid}'s CPU time and RSS over the measured window (Linux {@code /proc}). */
    public Load server(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("server(pid=" + pid + "): must be a process id > 0; "
                    + "e.g. ProcessHandle.current().pid()");
        }
        this.serverPid = pid;
        return this;
    }

    /**
     * Runs once and returns what it measured.
     *
     * @throws IllegalArgumentException listing every invalid setting, each with its rule and fix
     * @throws UncheckedIOException when the selector cannot be opened
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted during the run
     */
    public LoadResult run() {
        return execute(plan());
    }

    /**
     * Runs once per rate, lowest first, each with this load's warmup and duration, and returns the runs with
     * their {@link SweepResult#knee() knee}. Open model and a steady rate only.
     *
     * @param rates at least one, each in (0, {@value #MAX_RATE}]; at most 50 rates and 30 minutes in all
     * @throws IllegalArgumentException for invalid rates or settings
     */
    public SweepResult sweep(double... rates) {
        List<String> problems = new ArrayList<>();
        if (rates == null || rates.length == 0) {
            problems.add("sweep(rates=[]): give at least one rate, e.g. sweep(1000, 2000, 4000)");
        } else if (rates.length > 50) {
            problems.add("sweep(rates): " + rates.length + " rates; at most 50 are allowed; sweep fewer, coarser steps");
        }
        if (closedLoop) {
            problems.add("sweep with closedLoop(): a sweep steps the arrival rate of the open model; drop closedLoop()");
        }
        if (rampTo != null) {
            problems.add("sweep with ramp(...): a sweep runs steady rates; use rate(...) or leave it out");
        }
        double[] sorted = rates == null ? new double[0] : rates.clone();
        Arrays.sort(sorted);
        if (sorted.length > 0) {
            rate = sorted[0];
        }
        for (double r : sorted) {
            if (!(r > 0 && r <= MAX_RATE)) {
                problems.add("sweep(rate=" + r + "): must be in (0, " + (long) MAX_RATE + "] requests per second");
            }
        }
        Duration total = nonNull(warmup).plus(nonNull(duration)).multipliedBy(Math.max(1, sorted.length));
        if (total.compareTo(MAX_SWEEP) > 0) {
            problems.add("sweep: " + sorted.length + " rates × (warmup + duration) = " + total.toSeconds()
                    + " s; the rule is at most " + MAX_SWEEP.toMinutes() + " min; use fewer rates or shorter runs");
        }
        LoadPlan base = plan(problems);
        List<LoadResult> runs = new ArrayList<>();
        for (double r : sorted) {
            runs.add(execute(base.atRate(r)));
        }
        return new SweepResult(runs);
    }

    private static Duration nonNull(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    LoadPlan plan() {
        return plan(new ArrayList<>());
    }

    private LoadPlan plan(List<String> problems) {
        if (!closedLoop && rate == null) {
            problems.add("rate: not set; call rate(perSecond), e.g. rate(1000), ramp(from, to, over), or closedLoop()");
        }
        if (closedLoop && rampTo != null) {
            problems.add("ramp(...) with closedLoop(): a ramp schedules arrivals, which a closed loop does not; "
                    + "use one or the other");
        }
        if (rate != null && !(closedLoop && rate == 0) && !(rate > 0 && rate <= MAX_RATE)) {
            problems.add("rate(" + rate + "): must be in (0, " + (long) MAX_RATE + "] requests per second");
        }
        if (rampTo != null && !(rampTo > 0 && rampTo <= MAX_RATE)) {
            problems.add("ramp(to=" + rampTo + "): must be in (0, " + (long) MAX_RATE + "] requests per second");
        }
        if (duration == null || duration.isNegative() || duration.toNanos() < 1_000_000) {
            problems.add("duration(" + duration + "): must be at least 1 ms; e.g. Duration.ofSeconds(5)");
        }
        if (warmup == null || warmup.isNegative()) {
            problems.add("warmup(" + warmup + "): must be 0 or more; use Duration.ZERO for none");
        }
        if (duration != null && warmup != null && warmup.plus(duration).compareTo(MAX_RUN) > 0) {
            problems.add("warmup + duration = " + warmup.plus(duration).toSeconds() + " s: the rule is at most "
                    + MAX_RUN.toMinutes() + " min per run; shorten them, or sweep several shorter runs");
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            problems.add("connections(" + connections + "): must be in 1.." + MAX_CONNECTIONS);
        }
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            problems.add("maxInFlight(" + maxInFlight + "): must be in 1.." + MAX_IN_FLIGHT + "; 1 sends no pipelined requests");
        }
        if (closedLoop && maxInFlight != 1) {
            problems.add("maxInFlight(" + maxInFlight + ") with closedLoop(): a closed loop has one request in "
                    + "flight per connection; leave maxInFlight at 1");
        }
        checkWait(problems, "timeout", timeout);
        checkWait(problems, "dropAfter", dropAfter);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid load on " + uri + ":\n  " + String.join("\n  ", problems));
        }
        double from = rate == null ? 0 : rate;
        double to = rampTo == null ? from : rampTo;
        return new LoadPlan(uri, address, LoopbackTarget.request(uri, headers), !closedLoop, from, to,
                warmup.toNanos(), duration.toNanos(), connections, maxInFlight, timeout.toNanos(), dropAfter.toNanos(),
                serverPid);
    }

    private static void checkWait(List<String> problems, String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(MAX_WAIT) > 0) {
            problems.add(field + "(" + d + "): must be in (0, 60 s]; e.g. Duration.ofSeconds(1)");
        }
    }

    static LoadResult execute(LoadPlan plan) {
        List<String> notes = new ArrayList<>();
        ServerSampler sampler = null;
        if (plan.serverPid() > 0) {
            ServerSampler.clockTicks(); // once, before the run, not on the sampler's clock
            sampler = new ServerSampler(plan.serverPid());
            if (plan.serverPid() == ProcessHandle.current().pid()) {
                notes.add("the server runs in this JVM (pid " + plan.serverPid() + "): its CPU and RSS include the "
                        + "load generator's own");
            }
        }
        LoadLoop loop = new LoadLoop(plan);
        Recording rec;
        try {
            rec = loop.run(sampler);
        } catch (IOException e) {
            throw new UncheckedIOException("load on " + plan.uri() + ": " + e.getMessage(), e);
        }
        ServerSampler.Stats stats = sampler == null
                ? ServerSampler.Stats.unknown("server CPU and RSS unknown: no server process named; "
                        + "add .server(ProcessHandle) or .server(pid)")
                : sampler.finish();
        if (stats.note() != null) {
            notes.add(stats.note());
        }
        if (!plan.openModel()) {
            notes.add("closed loop: latencies are from each request's send, so a server stall shows only in the "
                    + "requests in flight during it");
        }
        notes.addAll(loop.notes());
        return new LoadResult(plan, rec, loop.clientCpuPercent(), stats, notes);
    }
}
