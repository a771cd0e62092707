package dev.benchbook.fork;

import dev.benchbook.codec.RunJson;
import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.engine.Runner;
import dev.benchbook.result.Artifact;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.SuiteSpec;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The forked-JVM runner: measures a benchmark of a compiled suite ({@link dev.benchbook.spec.SuiteFactory})
 * in {@code forks} fresh JVMs, one after another, and merges their samples into one run whose samples
 * carry their fork number. The children get this JVM's java binary, classpath and input arguments
 * (debug agents excepted) plus the suite's {@code jvmArgs}, so they measure under the same flags;
 * each streams its samples back as they are measured, so live progress keeps moving.
 */
public final class ForkRunner implements Runner {
    /** This runner's id. */
    public static final String ID = "fork";
    /** Extra time a fork gets on top of the suite's timeout, for JVM start-up. */
    static final Duration STARTUP_GRACE = Duration.ofSeconds(60);
    /** Frames a profiled fork records per stack: JFR keeps 64 by default, too few for deep recursion (regex matching). */
    public static final int STACK_DEPTH = 512;
    /**
     * What a profiled fork is started with: without {@code DebugNonSafepoints} the JIT records debug
     * information at safepoints only, and samples land on the nearest safepoint's line and method.
     */
    public static final List<String> PROFILING_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:+DebugNonSafepoints", "-XX:FlightRecorderOptions=stackdepth=" + STACK_DEPTH);

    private final String factoryClass;
    private final java.util.Optional<Path> perf;

    /**
     * A runner that rebuilds suites with {@code factoryClass} in every fork (null when there is none),
     * counting hardware events with {@code perf stat} where the machine allows it.
     */
    public ForkRunner(String factoryClass) {
        this(factoryClass, PerfStat.binary());
    }

    /** A runner that counts with the given perf binary, or not at all. */
    ForkRunner(String factoryClass, java.util.Optional<Path> perf) {
        this.factoryClass = factoryClass;
        this.perf = perf;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Support supports(SuiteSpec spec, BenchmarkSpec bench) {
        if (spec.controls().forks() < 1) {
            return Support.no("the suite asks for no forks");
        }
        if (bench.shape() == BenchmarkSpec.Shape.COMMAND) {
            return Support.no("an external command runs as a process of its own");
        }
        if (bench.shape() == BenchmarkSpec.Shape.LOAD) {
            return Support.no("a load benchmark runs in this JVM, against the server its setup starts");
        }
        if (factoryClass == null) {
            return Support.no("the suite was not built by a SuiteFactory, so a fresh JVM cannot build it again");
        }
        String why = unforkableReason(bench);
        return why == null ? Support.YES : Support.no(why);
    }

    @Override
    public BenchmarkRun run(RunRequest request, RunListener listener) {
        List<IterationSample> samples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Double> runValues = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Artifact> artifacts = new ArrayList<>();
        long[] countedOps = {0};
        Status status = Status.OK;
        StopReason stop = StopReason.NONE;
        for (int fork = 1; fork <= request.suite().controls().forks(); fork++) {
            BenchmarkRun outcome;
            try {
                outcome = runFork(request, fork, listener, counts, countedOps);
            } catch (IOException | RuntimeException e) {
                outcome = failed(request, "fork " + fork + " could not run: " + e.getMessage(), List.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("forked run of " + request.label() + " was interrupted");
            }
            outcome.samples().forEach(samples::add);
            artifacts.addAll(outcome.artifacts());
            // Run-level figures of several forks: the largest, like the peak they describe.
            outcome.runValues().forEach((k, v) -> runValues.merge(k, v, Math::max));
            if (outcome.status() != Status.OK) {
                status = status == Status.OK ? outcome.status() : status;
                errors.add("fork " + fork + ": " + outcome.error());
            } else {
                stop = outcome.stopReason();
            }
        }
        if (status == Status.OK) {
            runValues.putAll(PerfStat.perOp(counts, countedOps[0]));
        }
        return new BenchmarkRun(request.bench().name(), request.params(), status, String.join("; ", errors), samples,
                status == Status.OK ? stop : StopReason.NONE, runValues, ID, artifacts);
    }

    private BenchmarkRun runFork(RunRequest request, int fork, RunListener listener, Map<String, Long> counts,
            long[] countedOps) throws IOException, InterruptedException {
        SuiteSpec spec = request.suite();
        Path log = Files.createTempFile("benchbook-fork", ".log");
        PerfStat counting = perf.isPresent() ? PerfStat.open(perf.get()) : null;
        try {
            Process process = new ProcessBuilder(command(spec, request.bench(), counting)).redirectError(log.toFile())
                    .start();
            try (Writer w = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                w.write(factoryClass + "\n" + request.bench().name() + "\n" + request.paramIndex() + "\n"
                        + RunJson.controlsLine(spec.controls()) + "\n" + RunJson.paramsLine(request.params()) + "\n");
            }
            List<IterationSample> streamed = new CopyOnWriteArrayList<>();
            String[] runLine = new String[1];
            List<String> other = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> read(process, request, fork, listener, streamed, runLine, other),
                    "benchbook fork reader");
            reader.setDaemon(true);
            reader.start();
            long limitMs = spec.controls().timeout().plus(STARTUP_GRACE).toMillis();
            try {
                if (!process.waitFor(limitMs, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    reader.join(1000);
                    return new BenchmarkRun(request.bench().name(), request.params(), Status.TIMED_OUT,
                            "exceeded timeout " + spec.controls().timeout() + " plus " + STARTUP_GRACE.toSeconds()
                                    + " s start-up; raise .timeout(...)", List.copyOf(streamed), StopReason.NONE,
                            Map.of(), ID);
                }
            } finally {
                // An interrupted or stopped cell must not leave a benchmark JVM running behind it (under perf,
                // the JVM is perf's child).
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
            reader.join(10_000);
            if (process.exitValue() != 0 || runLine[0] == null) {
                return failed(request, "fork JVM exited with code " + process.exitValue() + ": " + tail(log, other),
                        List.copyOf(streamed));
            }
            BenchmarkRun run = RunJson.parseRun(runLine[0], "fork " + fork + " of " + request.label(), spec.describe(),
                    List.copyOf(streamed));
            if (counting != null && run.status() == Status.OK) {
                counting.counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
                countedOps[0] += run.measured().stream().mapToLong(IterationSample::batchSize).sum();
            }
            return run;
        } finally {
            Files.deleteIfExists(log);
            if (counting != null) {
                counting.close();
            }
        }
    }

    private static void read(Process process, RunRequest request, int fork, RunListener listener,
            List<IterationSample> streamed, String[] runLine, List<String> other) {
        String source = "fork " + fork + " of " + request.label();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith(ForkMain.PREFIX)) {
                    other.add(line);
                    continue;
                }
                String body = line.substring(ForkMain.PREFIX.length());
                if (body.startsWith("sample ")) {
                    IterationSample s = RunJson.parseSample(body.substring(7), source).inFork(fork);
                    streamed.add(s);
                    listener.onIteration(request.bench().name(), request.params(), s);
                } else if (body.startsWith("run ")) {
                    runLine[0] = body.substring(4);
                }
            }
        } catch (IOException | RuntimeException e) {
            other.add("protocol error: " + e.getMessage());
        }
    }

    private List<String> command(SuiteSpec spec, BenchmarkSpec bench, PerfStat counting) {
        List<String> cmd = new ArrayList<>();
        if (counting != null) {
            cmd.addAll(counting.prefix());
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (counting != null) {
            cmd.addAll(counting.childProperties());
        }
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib:jdwp") && !arg.startsWith("-javaagent")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(spec.controls().jvmArgs());
        if (spec.controls().profile().enabled()) {
            cmd.addAll(PROFILING_OPTIONS);
        }
        String classpath = (bench.body() == null ? java.util.Optional.<String>empty()
                : ForkClasspath.forClass(bench.body().getClass())).orElse(System.getProperty("java.class.path"));
        cmd.addAll(List.of("-cp", classpath, ForkMain.class.getName()));
        return cmd;
    }

    private static BenchmarkRun failed(RunRequest request, String error, List<IterationSample> samples) {
        return new BenchmarkRun(request.bench().name(), request.params(), Status.FAILED, error, samples,
                StopReason.NONE, Map.of(), ID);
    }

    private static String tail(Path log, List<String> stdout) throws IOException {
        List<String> lines = new ArrayList<>(stdout);
        lines.addAll(Files.readAllLines(log));
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).trim();
    }

    /**
     * Why {@code bench} cannot run in a fresh JVM, or null if it can: its code must come from a class that
     * the system class loader (the classpath) can load, or from jars and folders of a {@link
     * java.net.URLClassLoader} over it, which the fork then gets too (see {@link ForkClasspath}).
     */
    public static String unforkableReason(BenchmarkSpec bench) {
        if (bench.body() == null) {
            return null;
        }
        Class<?> type = bench.body().getClass();
        if (ForkClasspath.forClass(type).isPresent()) {
            return null;
        }
        return "its code (" + type.getName() + ") was defined in this session, not loaded from the classpath ("
                + System.getProperty("java.class.path").split(File.pathSeparator).length + " entries)";
    }
}
