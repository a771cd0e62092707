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
 * Runs a {@link Command} benchmark as a process per iteration: warmup runs, then measured runs, each
 * timed from start to exit on the monotonic clock, its stdout hashed (FNV-1a over the bytes) so that
 * the determinism checks apply. A non-zero exit, a program that cannot start, or a run past the
 * suite's timeout fails the benchmark with the program's stderr and the suite goes on. Adaptive
 * stopping is not applied: a process run measures {@code iterations} runs (the fixed count, or the
 * minimum of an adaptive suite).
 */
public final class ProcessRunner implements Runner {
    /** This runner's id. */
    public static final String ID = "process";

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
        long deadline = System.nanoTime() + c.timeout().toNanos();
        int total = c.warmupIterations() + c.iterations();
        for (int i = 0; i < total; i++) {
            Outcome o;
            try {
                o = once(command, deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("process run of " + request.label() + " was interrupted");
            } catch (IOException e) {
                return result(request, Status.FAILED, "cannot start " + command.argv().get(0) + ": " + e.getMessage()
                        + "; check that the program exists and is executable", samples);
            }
            if (o.timedOut) {
                return result(request, Status.TIMED_OUT, "exceeded timeout " + c.timeout() + " during run " + i
                        + " of `" + command.line() + "`; raise .timeout(...)", samples);
            }
            if (o.exit != 0) {
                return result(request, Status.FAILED, "`" + command.line() + "` exited with code " + o.exit
                        + (o.stderr.isBlank() ? "" : ": " + o.stderr.strip()), samples);
            }
            IterationSample s = new IterationSample(i, i < c.warmupIterations(), 0, 1, o.wallNs, o.hash, Map.of());
            samples.add(s);
            listener.onIteration(request.bench().name(), request.params(), s);
        }
        return new BenchmarkRun(request.bench().name(), request.params(), Status.OK, "", samples, StopReason.FIXED,
                Map.of(), ID);
    }

    /** What this runner cannot measure yet, with the reason. */
    public static Map<String, String> unsupported() {
        String why = "unsupported by the process runner: Java's Process API gives no per-child rusage";
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(Metrics.USER_NS.id(), why);
        m.put(Metrics.SYS_NS.id(), why);
        m.put(Metrics.PEAK_RSS_BYTES.id(), why);
        return m;
    }

    /**
     * A metric source with no metrics that lists what process runs lack, so that a suite with
     * commands says so in its metrics; it reads nothing.
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

    private record Outcome(long wallNs, int exit, long hash, String stderr, boolean timedOut) {}

    private static Outcome once(Command command, long deadline) throws IOException, InterruptedException {
        Path err = Files.createTempFile("benchbook-process", ".err");
        Path outFile = Files.createTempFile("benchbook-process", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command.argv()).redirectError(err.toFile())
                    .redirectOutput(outFile.toFile());
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
                return new Outcome(0, -1, 0, "", true);
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
            return new Outcome(wall, p.exitValue(), hash, stderr.length() > 2000 ? stderr.substring(0, 2000) : stderr,
                    false);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(outFile);
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
