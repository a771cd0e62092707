package dev.benchbook.process;

import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.engine.Runner;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.Command;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link Command} benchmark as a process per iteration: warmup runs, then measured runs, its
 * stdout hashed (FNV-1a over the bytes) so that the determinism checks apply. Each run goes through
 * the native rusage runner ({@link NativeRusage}, built on first use with the machine's C compiler),
 * which times it from fork to exit on the monotonic clock and gives the child's own {@code user_ns},
 * {@code sys_ns} and {@code peak_rss_bytes} (never below the runner's floor of about 1 MiB; the JVM's
 * resident set is not inherited). Without a C compiler the runs are timed by the JVM from start to
 * exit and those three metrics are listed unsupported with the reason ({@link #limits()}).
 *
 * <p>A non-zero exit, a program that cannot start, or a run past the suite's timeout fails the
 * benchmark with the program's stderr and the suite goes on; a timed-out or interrupted run is killed
 * with everything it started. Adaptive stopping is not applied: a process run measures {@code
 * iterations} runs (the fixed count, or the minimum of an adaptive suite).
 */
public final class ProcessRunner implements Runner {
    /** This runner's id. */
    public static final String ID = "process";

    private final NativeRusage rusage;

    /** A runner that measures through the JVM's shared native rusage runner when it can be built. */
    public ProcessRunner() {
        this(NativeRusage.shared());
    }

    ProcessRunner(NativeRusage rusage) {
        this.rusage = rusage;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Support supports(SuiteSpec spec, BenchmarkSpec bench) {
        return bench.shape() == BenchmarkSpec.Shape.COMMAND ? Support.YES
                : Support.no("only external commands run as processes");
    }

    @Override
    public BenchmarkRun run(RunRequest request, RunListener listener) {
        Command command = (Command) request.bench().body();
        RunControls c = request.suite().controls();
        List<IterationSample> samples = new ArrayList<>();
        Path runner = rusage.executable().orElse(null);
        long deadline = System.nanoTime() + c.timeout().toNanos();
        int total = c.warmupIterations() + c.iterations();
        for (int i = 0; i < total; i++) {
            Outcome o;
            try {
                o = once(command, runner, deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("process run of " + request.label() + " was interrupted");
            } catch (IOException e) {
                return result(request, Status.FAILED, "cannot start " + command.argv().get(0) + ": " + e.getMessage()
                        + "; check that the program exists and is executable", samples);
            }
            if (!o.runnerError.isEmpty()) {
                return result(request, Status.FAILED, "the rusage runner " + runner + " failed during run " + i
                        + " of `" + command.line() + "`: " + o.runnerError + "; delete " + runner
                        + " to rebuild it", samples);
            }
            if (o.timedOut) {
                return result(request, Status.TIMED_OUT, "exceeded timeout " + c.timeout() + " during run " + i
                        + " of `" + command.line() + "`; raise .timeout(...)", samples);
            }
            if (o.exit != 0) {
                return result(request, Status.FAILED, "`" + command.line() + "` exited with code " + o.exit
                        + (o.stderr.isBlank() ? "" : ": " + o.stderr.strip()), samples);
            }
            IterationSample s = new IterationSample(i, i < c.warmupIterations(), 0, 1, o.wallNs, o.hash, o.values);
            samples.add(s);
            listener.onIteration(request.bench().name(), request.params(), s);
        }
        return new BenchmarkRun(request.bench().name(), request.params(), Status.OK, "", samples, StopReason.FIXED,
                Map.of(), ID);
    }

    /**
     * What process runs cannot measure on this machine, with the reason: nothing when the native
     * rusage runner is built (building it on the first call), else {@code user_ns}, {@code sys_ns}
     * and {@code peak_rss_bytes} with why it could not be built.
     */
    public static Map<String, String> unsupported() {
        return unsupported(NativeRusage.shared());
    }

    static Map<String, String> unsupported(NativeRusage rusage) {
        if (rusage.executable().isPresent()) {
            return Map.of();
        }
        String why = rusage.reason();
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(Metrics.USER_NS.id(), why);
        m.put(Metrics.SYS_NS.id(), why);
        m.put(Metrics.PEAK_RSS_BYTES.id(), why);
        return m;
    }

    /**
     * A metric source with no metrics that lists what process runs lack ({@link #unsupported()}),
     * so that a suite with commands says so in its metrics; it reads nothing. The process runner
     * itself puts {@code user_ns}, {@code sys_ns} and {@code peak_rss_bytes} into its samples.
     */
    public static dev.benchbook.metric.MetricSource limits() {
        return new dev.benchbook.metric.MetricSource() {
            @Override
            public String id() {
                return "process-limits";
            }

            @Override
            public java.util.List<dev.benchbook.metric.Metric> metrics() {
                return java.util.List.of();
            }

            @Override
            public Map<String, String> unsupported() {
                return ProcessRunner.unsupported();
            }

            @Override
            public Probe open() {
                return Probe.NONE;
            }
        };
    }

    private static BenchmarkRun result(RunRequest r, Status status, String error, List<IterationSample> samples) {
        return new BenchmarkRun(r.bench().name(), r.params(), status, error, samples, StopReason.NONE, Map.of(), ID);
    }

    private record Outcome(long wallNs, int exit, long hash, String stderr, boolean timedOut,
            Map<String, Double> values, String runnerError) {
        static Outcome timeout() {
            return new Outcome(0, -1, 0, "", true, Map.of(), "");
        }
    }

    /**
     * Runs the command once, through {@code runner} when there is one. A program the runner cannot
     * execute is reported like one Java cannot start: as an IOException with the errno text.
     */
    private static Outcome once(Command command, Path runner, long deadline) throws IOException, InterruptedException {
        Path err = Files.createTempFile("benchbook-process", ".err");
        Path outFile = Files.createTempFile("benchbook-process", ".out");
        Path usage = runner == null ? null : Files.createTempFile("benchbook-process", ".rusage");
        try {
            List<String> argv = command.argv();
            if (runner != null) {
                argv = new ArrayList<>();
                argv.add(runner.toString());
                argv.add(usage.toString());
                argv.addAll(command.argv());
            }
            ProcessBuilder pb = new ProcessBuilder(argv).redirectError(err.toFile()).redirectOutput(outFile.toFile());
            if (command.directory() != null) {
                pb.directory(command.directory().toFile());
            }
            pb.redirectInput(command.stdin() == null ? ProcessBuilder.Redirect.from(nullDevice())
                    : ProcessBuilder.Redirect.from(command.stdin().toFile()));
            pb.environment().putAll(command.environment());
            long t0 = System.nanoTime();
            Process p = pb.start();
            long left = deadline - System.nanoTime();
            boolean exited;
            try {
                exited = left > 0 && p.waitFor(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                stop(p);
                throw e;
            }
            if (!exited) {
                stop(p);
                return Outcome.timeout();
            }
            long wall = System.nanoTime() - t0;
            long hash = 0xcbf29ce484222325L;
            try (InputStream out = Files.newInputStream(outFile)) {
                byte[] buf = new byte[8192];
                for (int n; (n = out.read(buf)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        hash ^= buf[i] & 0xff;
                        hash *= 0x100000001b3L;
                    }
                }
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            stderr = stderr.length() > 2000 ? stderr.substring(0, 2000) : stderr;
            if (runner == null) {
                return new Outcome(wall, p.exitValue(), hash, stderr, false, Map.of(), "");
            }
            String line = Files.readString(usage, StandardCharsets.UTF_8).strip();
            Map<String, Long> r = NativeRusage.parse(line);
            if (p.exitValue() == 127 && line.isEmpty()) {
                String prefix = "benchbook-rusage: cannot execute " + command.argv().get(0) + ": ";
                String why = stderr.strip();
                throw new IOException(why.startsWith(prefix) ? why.substring(prefix.length()) : why);
            }
            if (p.exitValue() != 0 || r == null) {
                return new Outcome(0, -1, hash, stderr, false, Map.of(), "exit " + p.exitValue() + ", result '" + line
                        + "'" + (stderr.isBlank() ? "" : ", stderr: " + stderr.strip()));
            }
            Map<String, Double> values = new java.util.LinkedHashMap<>();
            values.put(Metrics.USER_NS.id(), (double) r.get("user_ns"));
            values.put(Metrics.SYS_NS.id(), (double) r.get("sys_ns"));
            values.put(Metrics.PEAK_RSS_BYTES.id(), (double) r.get("maxrss_bytes"));
            return new Outcome(Math.max(1, r.get("wall_ns")), (int) (long) r.get("status"), hash, stderr, false, values,
                    "");
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(outFile);
            if (usage != null) {
                Files.deleteIfExists(usage);
            }
        }
    }

    /** Kills the process and whatever it started: a shell's children would outlive it and load the machine. */
    private static void stop(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
