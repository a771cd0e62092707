package dev.benchbook.fork;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.harness.RunListener;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteSpec;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark of a suite at every param combination in {@code forks} fresh JVMs each, one
 * after another, and merges each benchmark's forks into one run whose samples carry their fork
 * number. The children get this JVM's java binary, classpath and input arguments (debug agents
 * excepted), so they measure under the same flags.
 */
public final class ForkRunner {
    /** Extra time a fork gets on top of the suite's timeout, for JVM start-up. */
    static final Duration STARTUP_GRACE = Duration.ofSeconds(60);

    private final String factoryClass;
    private final RunListener listener;

    /** A runner that rebuilds suites with {@code factoryClass} in every fork. */
    public ForkRunner(String factoryClass, RunListener listener) {
        this.factoryClass = factoryClass;
        this.listener = listener;
    }

    /** Runs {@code spec} with {@code spec.controls().forks()} forks per benchmark and param combination. */
    public RunResult run(SuiteSpec spec) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<BenchmarkRun> runs = new ArrayList<>();
        List<ParamSet> sets = spec.paramSets();
        for (int p = 0; p < sets.size(); p++) {
            for (BenchmarkSpec bench : spec.benchmarks()) {
                listener.onBenchmarkStart(bench.name(), sets.get(p), spec.controls().plannedIterations()
                        * spec.controls().forks());
                BenchmarkRun run = runForks(spec, bench, p, sets.get(p));
                runs.add(run);
                listener.onBenchmarkEnd(run);
            }
        }
        return new RunResult(spec.describe(), Environment.current(), started, Duration.ofNanos(System.nanoTime() - t0), runs);
    }

    private BenchmarkRun runForks(SuiteSpec spec, BenchmarkSpec bench, int paramIndex, ParamSet params) {
        List<IterationSample> samples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Status status = Status.OK;
        StopReason stop = StopReason.NONE;
        for (int fork = 1; fork <= spec.controls().forks(); fork++) {
            ForkOutcome outcome;
            try {
                outcome = runFork(spec, bench, paramIndex);
            } catch (IOException | RuntimeException e) {
                outcome = new ForkOutcome(Status.FAILED, e.getMessage(), StopReason.NONE, List.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("forked run of " + bench.name() + " was interrupted");
            }
            for (IterationSample s : outcome.samples()) {
                samples.add(s.inFork(fork));
            }
            if (outcome.status() != Status.OK) {
                status = status == Status.OK ? outcome.status() : status;
                errors.add("fork " + fork + ": " + outcome.error());
            } else {
                stop = outcome.stopReason();
            }
        }
        return new BenchmarkRun(bench.name(), params, status, String.join("; ", errors), samples,
                status == Status.OK ? stop : StopReason.NONE);
    }

    private ForkOutcome runFork(SuiteSpec spec, BenchmarkSpec bench, int paramIndex)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("benchbook-fork", ".json");
        Path log = Files.createTempFile("benchbook-fork", ".log");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!arg.startsWith("-agentlib:jdwp") && !arg.startsWith("-javaagent")) {
                    cmd.add(arg);
                }
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkMain.class.getName(), factoryClass,
                    bench.name(), String.valueOf(paramIndex), out.toString(), ForkControls.encode(spec.controls())));
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long limitMs = spec.controls().timeout().plus(STARTUP_GRACE).toMillis();
            try {
                if (!process.waitFor(limitMs, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return new ForkOutcome(Status.TIMED_OUT, "fork exceeded timeout " + spec.controls().timeout()
                            + " plus " + STARTUP_GRACE.toSeconds() + " s start-up; raise .timeout(...)", StopReason.NONE,
                            List.of());
                }
            } finally {
                // An interrupted or stopped cell must not leave a benchmark JVM running behind it.
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            if (process.exitValue() != 0 || Files.size(out) == 0) {
                return new ForkOutcome(Status.FAILED, "fork JVM exited with code " + process.exitValue() + ": "
                        + tail(log), StopReason.NONE, List.of());
            }
            return new ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(out.toFile(), ForkOutcome.class);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).trim();
    }

    /**
     * Why {@code bench} cannot run in a fresh JVM, or null if it can: its code must come from a
     * class that the system class loader (the classpath) can load.
     */
    public static String unforkableReason(BenchmarkSpec bench) {
        Class<?> type = bench.body().getClass();
        ClassLoader system = ClassLoader.getSystemClassLoader();
        for (ClassLoader l = system; l != null; l = l.getParent()) {
            if (type.getClassLoader() == l) {
                return null;
            }
        }
        if (type.getClassLoader() == null) {
            return null;
        }
        return "its code (" + type.getName() + ") was defined in this session, not loaded from the classpath ("
                + System.getProperty("java.class.path").split(File.pathSeparator).length + " entries)";
    }
}
