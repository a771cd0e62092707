package dev.benchbook;

import dev.benchbook.load.Load;
import dev.benchbook.load.LoadBenchmark;
import dev.benchbook.load.LoadRunner;
import dev.benchbook.spec.Benchmark;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.BenchmarkSpec.Shape;
import dev.benchbook.spec.DoubleBenchmark;
import dev.benchbook.spec.LongBenchmark;
import dev.benchbook.spec.StatefulDoubleBenchmark;
import dev.benchbook.spec.StatefulLongBenchmark;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.Defaults;
import dev.benchbook.spec.Expectation;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.ProfileSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.Setup;
import dev.benchbook.spec.SpecProblem;
import dev.benchbook.spec.StatefulBenchmark;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.spec.SuiteValidationException;
import dev.benchbook.spec.Teardown;
import dev.benchbook.metric.MetricSource;
import dev.benchbook.spec.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fluent, mutable builder of a benchmark suite. Every method records what it is given; {@link
 * #build()} and {@link #run()} check everything at once and report every problem together.
 *
 * <pre>{@code
 * var r = Bench.suite("sorting")
 *     .param("size", 1_000, 100_000)
 *     .setup(ctx -> ctx.random().ints(ctx.intParam("size")).toArray())
 *     .benchmark("arrays.sort", (ctx, data) -> { int[] c = data.clone(); Arrays.sort(c); return c; })
 *     .run();
 * }</pre>
 *
 * @param <S> the type of the state that {@link #setup} builds
 */
public final class Suite<S> {
    /** The param that {@link #threads(int...)} with several counts declares. */
    public static final String THREADS_PARAM = "threads";
    private final String name;
    private String description = "";
    private final List<ParamSpec> params = new ArrayList<>();
    private final List<String> paramProblems = new ArrayList<>();
    private final List<BenchmarkSpec> benchmarks = new ArrayList<>();
    private Setup<Object> setup;
    private boolean setupDeclared;
    private Teardown<Object> teardown;
    private int warmup = Defaults.WARMUP_ITERATIONS;
    private boolean adaptiveWarmup = true;
    private int maxWarmup = Defaults.MAX_WARMUP_ITERATIONS;
    private long memoryLimit = -1;
    private final List<String> jvmArgs = new ArrayList<>();
    private ProfileSpec profile = ProfileSpec.NONE;
    private final List<MetricSource> metricSources = new ArrayList<>();
    private String baseline = "";
    private int iterations = Defaults.MIN_ITERATIONS;
    private boolean fixedIterations;
    private int maxIterations = Defaults.MAX_ITERATIONS;
    private Duration maxTime = Defaults.MAX_TIME;
    private double targetPrecision = Defaults.TARGET_PRECISION;
    private Duration iterationTime = Defaults.ITERATION_TIME;
    private Duration timeout = Defaults.TIMEOUT;
    private long seed = Defaults.SEED;
    private double confidence = Defaults.CONFIDENCE;
    private double maxTimingCv = Defaults.MAX_TIMING_CV;
    private double allocTolerance = Defaults.ALLOC_TOLERANCE;
    private final List<Expectation> expectations = new ArrayList<>();
    private boolean strict;
    private boolean quiet;
    private int forks;
    private int threads = 1;
    private String threadsParam = "";
    private int[] threadCounts;
    private boolean inProcessFallback;
    private String factoryClass;

    Suite(String name) {
        this.name = name;
    }

    /** A builder holding everything {@code spec} declares, so that its controls can be changed before running. */
    @SuppressWarnings("unchecked")
    Suite(SuiteSpec spec) {
        this(spec.name());
        description = spec.description();
        params.addAll(spec.params());
        benchmarks.addAll(spec.benchmarks());
        setup = spec.setup();
        setupDeclared = spec.setup() != null;
        teardown = spec.teardown();
        RunControls c = spec.controls();
        warmup = c.warmupIterations();
        adaptiveWarmup = c.adaptiveWarmup();
        maxWarmup = c.maxWarmupIterations();
        iterations = c.iterations();
        fixedIterations = c.fixedIterations();
        maxIterations = c.maxIterations();
        maxTime = c.maxTime();
        targetPrecision = c.targetPrecision();
        iterationTime = c.iterationTime();
        timeout = c.timeout();
        seed = c.seed();
        confidence = c.confidence();
        forks = c.forks();
        memoryLimit = c.memoryLimitBytes();
        jvmArgs.addAll(c.jvmArgs());
        threads = c.threads();
        threadsParam = c.threadsParam();
        profile = c.profile();
        maxTimingCv = spec.checks().maxTimingCv();
        allocTolerance = spec.checks().allocTolerance();
        expectations.addAll(spec.checks().expectations());
        strict = spec.checks().strict();
        baseline = spec.baseline();
        metricSources.addAll(spec.metricSources());
    }

    /** Sets a free-text description shown in reports. Default: empty. */
    public Suite<S> description(String description) {
        this.description = description == null ? "" : description;
        return this;
    }

    /**
     * Declares a param and its values. Every combination of all params' values is run, the first
     * param varying slowest. Values must be non-null and distinct; at least one is required.
     */
    public Suite<S> param(String name, Object... values) {
        params.add(new ParamSpec(name, values == null ? List.of() : Arrays.asList(values)));
        return this;
    }

    /**
     * Replaces the values of a param declared before, e.g. to run a compiled suite at a smaller size:
     * {@code Bench.suite(MatrixSuite.class).paramValues("size", 32)}. Forks run the replaced values too.
     * A name that no param has is reported by {@link #build()}.
     */
    public Suite<S> paramValues(String name, Object... values) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name() != null && params.get(i).name().equals(name)) {
                params.set(i, new ParamSpec(name, values == null ? List.of() : Arrays.asList(values)));
                return this;
            }
        }
        paramProblems.add(name);
        return this;
    }

    /** The params declared so far, in declaration order. */
    public List<ParamSpec> params() {
        return List.copyOf(params);
    }

    /**
     * Sets the code that builds each benchmark run's state, once per benchmark and param
     * combination, outside the timed region.
     *
     * @param <T> the state type
     */
    @SuppressWarnings("unchecked")
    public <T> Suite<T> setup(Setup<T> setup) {
        this.setup = (Setup<Object>) setup;
        this.setupDeclared = true;
        return (Suite<T>) this;
    }

    /** Sets the code that releases the state after a benchmark run, even when it failed. */
    @SuppressWarnings("unchecked")
    public Suite<S> teardown(Teardown<S> teardown) {
        this.teardown = (Teardown<Object>) teardown;
        return this;
    }

    /** Adds a benchmark whose body reads the state built by {@link #setup}. */
    public Suite<S> benchmark(String name, StatefulBenchmark<S> body) {
        return add(name, Shape.STATEFUL_OBJECT, body);
    }

    /** Adds a benchmark that needs no state. */
    public Suite<S> benchmark(String name, Benchmark body) {
        return add(name, Shape.OBJECT, body);
    }

    /**
     * Adds a benchmark that reads the state and returns a {@code double}, consumed without boxing:
     * the right form for nanosecond-scale arithmetic, where boxing would add an allocation per call.
     */
    public Suite<S> benchmarkDouble(String name, StatefulDoubleBenchmark<S> body) {
        return add(name, Shape.STATEFUL_DOUBLE, body);
    }

    /** Adds a stateless benchmark that returns a {@code double}, consumed without boxing. */
    public Suite<S> benchmarkDouble(String name, DoubleBenchmark body) {
        return add(name, Shape.DOUBLE, body);
    }

    /** Adds a benchmark that reads the state and returns a {@code long} (or int), consumed without boxing. */
    public Suite<S> benchmarkLong(String name, StatefulLongBenchmark<S> body) {
        return add(name, Shape.STATEFUL_LONG, body);
    }

    /** Adds a stateless benchmark that returns a {@code long} (or int), consumed without boxing. */
    public Suite<S> benchmarkLong(String name, LongBenchmark body) {
        return add(name, Shape.LONG, body);
    }

    /**
     * Adds a benchmark that runs an external program, one process per iteration, timed from start to
     * exit, its standard output hashed. Run as an argument vector, never through a shell; a non-zero
     * exit fails the benchmark with the program's stderr.
     */
    public Suite<S> command(String name, String... argv) {
        return add(name, Shape.COMMAND, argv == null || argv.length == 0 ? null : Command.of(argv));
    }

    /** Adds a benchmark that runs {@code command}; see {@link #command(String, String...)}. */
    public Suite<S> command(String name, Command command) {
        return add(name, Shape.COMMAND, command);
    }

    /**
     * Adds a load benchmark: each iteration runs the {@link Load} that {@code body} returns, against the
     * server that {@link #setup} started (and {@link #teardown} stops), in this JVM. Its time per operation
     * is the mean latency of the window's successful responses, measured from each request's scheduled time,
     * and each iteration also reports the latency percentiles ({@code p50_ns} to {@code p999_ns}), {@code
     * achieved_rps}, {@code errors}, {@code dropped} and the server's CPU and RSS; see {@link LoadRunner}.
     * <pre>{@code
     * Bench.suite("hello")
     *     .setup(ctx -> LoopbackServer.start())
     *     .teardown((ctx, server) -> server.close())
     *     .load("steady", (ctx, server) -> Load.http(server.uri("/hello")).rate(2000)
     *         .warmup(Duration.ZERO).duration(Duration.ofSeconds(1)))
     *     .warmup(1).iterations(5)
     * }</pre>
     */
    public Suite<S> load(String name, LoadBenchmark<S> body) {
        return add(name, Shape.LOAD, body);
    }

    /**
     * Marks benchmark {@code name} as the reference: the summary then gains {@code ratio}, {@code
     * ratio_ci_low} and {@code ratio_ci_high}, each benchmark's mean time over the reference's at the
     * same param combination, and the headline table shows the ratio. Default: none.
     */
    public Suite<S> baseline(String name) {
        this.baseline = name == null ? "" : name;
        return this;
    }

    /**
     * Fails a benchmark run that holds more than {@code bytes} of live heap (the heap in use after a
     * collection) beyond what the JVM held when the run started, so a notebook's own data does not
     * count; it is stopped and marked {@code memory_exceeded}, as {@link #timeout} stops a slow one,
     * and the suite goes on. The run's state counts. Checked after setup and after every iteration,
     * outside the timed region: the harness collects once when the run starts, and again when the heap
     * in use passes the limit and no collection since the previous check tells how much of it is live.
     * G1 counts heap in whole regions, so the figure can exceed the bytes retained. Default: no limit.
     */
    public Suite<S> memoryLimit(long bytes) {
        this.memoryLimit = bytes;
        return this;
    }

    /**
     * Runs each benchmark body on several threads at once. With one count, every combination runs on
     * that many threads; with several ({@code .threads(1, 2, 4)}), they become a param named {@code
     * threads}, so the summary has a row per count, as any other param. The threads share the setup's
     * state, each gets its own context (same params and seed, so the same random sequence), and every
     * iteration they start together on a barrier and each runs the calibrated batch. {@code wall_ns} is
     * then the iteration's wall time (first start to last finish) divided by the batch, the ops of one
     * thread, as JMH's {@code avgt} with threads; {@code ops_per_s} is the total throughput, {@code
     * ops_per_s_per_thread} the mean of each thread's own, and {@code cpu_ns} and {@code
     * alloc_bytes_per_op} count every thread. {@code threads(1)} is the classic single measuring thread.
     * Default: 1.
     *
     * @param counts one or more distinct thread counts, each {@code >= 1}
     */
    public Suite<S> threads(int... counts) {
        this.threadCounts = counts == null ? new int[0] : counts.clone();
        return this;
    }

    /**
     * Takes each combination's thread count from the integer param {@code name}, declared with {@link
     * #param}, e.g. {@code .param("writers", 1, 4).threadsParam("writers")}. See {@link #threads(int...)}.
     * Default: none.
     */
    public Suite<S> threadsParam(String name) {
        this.threadsParam = name == null ? "" : name;
        return this;
    }

    /**
     * Adds options for the JVMs that {@link #forks(int)} starts, e.g. {@code "-Xmx512m"}. They cannot
     * apply to this JVM, so a suite with them needs forks. Default: none.
     */
    public Suite<S> jvmArgs(String... options) {
        if (options != null) {
            jvmArgs.addAll(Arrays.asList(options));
        }
        return this;
    }

    /**
     * Adds metric sources read around every timed batch, besides the JVM's counters and those
     * registered through {@code ServiceLoader}.
     */
    public Suite<S> metrics(MetricSource... sources) {
        if (sources != null) {
            metricSources.addAll(Arrays.asList(sources));
        }
        return this;
    }

    private Suite<S> add(String name, Shape shape, Object body) {
        benchmarks.add(new BenchmarkSpec(name, shape, body));
        return this;
    }

    /**
     * Sets exactly {@code iterations} warmup iterations, {@code >= 0}, turning adaptive warmup off.
     * Default: adaptive, at least {@link Defaults#WARMUP_ITERATIONS} and until the times are steady and
     * the JIT is quiet, at most {@link Defaults#MAX_WARMUP_ITERATIONS}.
     */
    public Suite<S> warmup(int iterations) {
        this.warmup = iterations;
        this.adaptiveWarmup = false;
        return this;
    }

    /**
     * Makes warmup adaptive between {@code min} and {@code max} iterations: it ends once the last
     * {@link Defaults#WARMUP_WINDOW} iterations are steady and the JIT finished no compilation during
     * the last {@link Defaults#JIT_QUIET_ITERATIONS}. Default: adaptive, 5 to 50.
     */
    public Suite<S> adaptiveWarmup(int min, int max) {
        this.warmup = min;
        this.maxWarmup = max;
        this.adaptiveWarmup = true;
        return this;
    }

    /**
     * Fixes the number of measured iterations, {@code >= 1}, turning adaptive stopping off; the
     * summary still reports whether {@link #targetPrecision} was met. Default: adaptive.
     */
    public Suite<S> iterations(int iterations) {
        this.iterations = iterations;
        this.fixedIterations = true;
        return this;
    }

    /**
     * Makes the run adaptive with at least {@code iterations} measured iterations, {@code >= 1}.
     * Default: {@link Defaults#MIN_ITERATIONS}.
     */
    public Suite<S> minIterations(int iterations) {
        this.iterations = iterations;
        this.fixedIterations = false;
        return this;
    }

    /** Caps the measured iterations of an adaptive run. Default: {@link Defaults#MAX_ITERATIONS}. */
    public Suite<S> maxIterations(int iterations) {
        this.maxIterations = iterations;
        return this;
    }

    /**
     * Caps the measuring phase of an adaptive run, per benchmark and param combination. Default:
     * {@link Defaults#MAX_TIME}.
     */
    public Suite<S> maxTime(Duration time) {
        this.maxTime = time;
        return this;
    }

    /**
     * Sets the precision target: measure until the confidence interval's half-width is at most
     * {@code relativeHalfWidth} of the mean (0.02 means ±2%), or a cap is reached. In (0, 1).
     * Default: {@link Defaults#TARGET_PRECISION}.
     */
    public Suite<S> targetPrecision(double relativeHalfWidth) {
        this.targetPrecision = relativeHalfWidth;
        this.fixedIterations = false;
        return this;
    }

    /**
     * Sets the target duration of one iteration; the number of invocations per iteration is
     * calibrated to reach it. Default: {@link Defaults#ITERATION_TIME}.
     */
    public Suite<S> iterationTime(Duration time) {
        this.iterationTime = time;
        return this;
    }

    /**
     * Sets the time limit of one benchmark at one param combination, from setup to teardown. A run
     * that exceeds it is stopped and marked {@code timed_out}. Default: {@link Defaults#TIMEOUT}.
     */
    public Suite<S> timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Sets the seed of every context's random source. Default: {@link Defaults#SEED}. */
    public Suite<S> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Sets the confidence level of reported intervals, in (0, 1). Default: {@link Defaults#CONFIDENCE}. */
    public Suite<S> confidence(double level) {
        this.confidence = level;
        return this;
    }

    /**
     * Sets the largest acceptable coefficient of variation of the per-iteration times; a run above
     * it gets a {@code TimingVariance} finding. Default: {@link Defaults#MAX_TIMING_CV}.
     */
    public Suite<S> maxTimingCv(double cv) {
        this.maxTimingCv = cv;
        return this;
    }

    /**
     * Sets how far allocated bytes per operation may spread across measured iterations, relative
     * to their mean, before a {@code MemoryVariance} finding. Default: {@link Defaults#ALLOC_TOLERANCE}.
     */
    public Suite<S> allocTolerance(double relative) {
        this.allocTolerance = relative;
        return this;
    }

    /** Adds bounds that results must keep, e.g. {@code Expect.meanNsAtMost(500)}; each violation is a finding. */
    public Suite<S> expect(Expectation... bounds) {
        if (bounds != null) {
            expectations.addAll(Arrays.asList(bounds));
        }
        return this;
    }

    /**
     * Runs each benchmark at each param combination in {@code n} fresh JVMs, started with this
     * JVM's classpath and flags, and merges their samples; the summary then reports the variance
     * between forks apart from the variance within them. Needs a suite built by a {@link
     * SuiteFactory} on the classpath ({@code Bench.suite(MySuite.class)}): code written in a
     * notebook cell cannot be loaded by another JVM. Default 0: run in this JVM.
     */
    public Suite<S> forks(int n) {
        this.forks = n;
        return this;
    }

    /**
     * Lets a suite with {@link #forks(int)} run in this JVM when its code cannot be forked (a
     * notebook-defined suite), instead of failing.
     */
    public Suite<S> inProcessFallback() {
        this.inProcessFallback = true;
        return this;
    }

    Suite<S> origin(Class<? extends dev.benchbook.spec.SuiteFactory> factory) {
        this.factoryClass = factory.getName();
        return this;
    }

    /**
     * Profiles every benchmark's measured iterations (not its warmup) with JDK Flight Recorder, sampling
     * every 10 ms ({@link ProfileSpec#DEFAULT_PERIOD}) and sampling allocations; the recordings are kept
     * as artifacts of the run and {@code results.profile(name)} analyses them. Default: off.
     */
    public Suite<S> profile() {
        return profile(ProfileSpec.jfr());
    }

    /** {@link #profile()} sampling every {@code period}, at least 1 ms ({@link ProfileSpec#MIN_PERIOD}). */
    public Suite<S> profile(Duration period) {
        return profile(ProfileSpec.jfr().period(period));
    }

    /**
     * Profiles with the given settings, e.g. {@code ProfileSpec.jfr().period(Duration.ofMillis(2))
     * .directory(Path.of("profiles"))} or {@code ProfileSpec.asyncItimer()}; {@link ProfileSpec#NONE} turns
     * profiling off.
     */
    public Suite<S> profile(ProfileSpec settings) {
        this.profile = settings == null ? ProfileSpec.NONE : settings;
        return this;
    }

    /** Turns off live progress, in the notebook and on the console. */
    public Suite<S> quiet() {
        this.quiet = true;
        return this;
    }

    /** Makes any finding fail the run: {@link #run()} then throws {@link FindingsException}. */
    public Suite<S> strict() {
        this.strict = true;
        return this;
    }

    /**
     * Validates the definition and returns it as an immutable spec.
     *
     * @throws SuiteValidationException listing every problem, if there is any
     */
    public SuiteSpec build() {
        List<SpecProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new SpecProblem("suite", SuiteChecks.quote(name), "a suite needs a name", "use Bench.suite(\"sorting\")"));
        }
        List<ParamSpec> declared = new ArrayList<>(params);
        int fixedThreads = threads;
        String countParam = threadsParam;
        if (threadCounts != null && threadCounts.length == 1) {
            fixedThreads = threadCounts[0];
        } else if (threadCounts != null && threadCounts.length > 1) {
            declared.add(new ParamSpec(THREADS_PARAM, Arrays.stream(threadCounts).boxed().map(Object.class::cast).toList()));
            countParam = THREADS_PARAM;
        }
        SuiteChecks.params(declared, problems);
        for (String missing : paramProblems) {
            problems.add(new SpecProblem("paramValues(\"" + missing + "\")", SuiteChecks.quote(missing),
                    "names no param of this suite", "use one of " + params.stream().map(ParamSpec::name).toList()));
        }
        SuiteChecks.threads(threadCounts, fixedThreads, threadsParam, declared, benchmarks, problems);
        SuiteChecks.baseline(baseline, benchmarks, problems);
        SuiteChecks.benchmarks(benchmarks, setupDeclared, problems);
        RunControls controls = new RunControls(warmup, iterations, fixedIterations, maxIterations, maxTime,
                targetPrecision, iterationTime, timeout, seed, confidence, forks, adaptiveWarmup,
                adaptiveWarmup ? maxWarmup : warmup, memoryLimit, jvmArgs, fixedThreads, countParam, profile);
        Checks checks = new Checks(maxTimingCv, allocTolerance, expectations, strict);
        SuiteChecks.controls(controls, benchmarks, problems);
        profile.check(problems);
        SuiteChecks.profiler(profile, problems);
        SuiteChecks.checks(checks, benchmarks, problems);
        if (setupDeclared && setup == null) {
            problems.add(new SpecProblem("setup", "null", "must be a function", "pass ctx -> state, or remove .setup(...)"));
        }
        if (!problems.isEmpty()) {
            throw new SuiteValidationException(name, problems);
        }
        return new SuiteSpec(name, description, declared, benchmarks, setup, teardown, controls, checks, baseline,
                metricSources);
    }

    /**
     * Validates the definition, runs every benchmark at every param combination in this JVM, and
     * returns the results. A benchmark that throws or times out is recorded and the suite goes on.
     *
     * @throws SuiteValidationException listing every problem, if the definition is invalid
     * @throws FindingsException if the suite is {@link #strict()} and the run produced findings
     */
    /** The compiled suite class this builder came from, or null for notebook code. */
    String factoryClass() {
        return factoryClass;
    }

    boolean fallsBackInProcess() {
        return inProcessFallback;
    }

    boolean isQuiet() {
        return quiet;
    }

    public Results run() {
        SuiteSpec spec = build();
        Results results = new Results(SuiteExecution.run(spec, factoryClass, inProcessFallback, quiet));
        if (spec.checks().strict() && !results.findingList().isEmpty()) {
            throw new FindingsException(results, results.findingList());
        }
        return results;
    }
}
