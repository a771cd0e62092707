package dev.benchbook.harness;

import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.io.AtomicFiles;
import dev.benchbook.result.Artifact;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ProfileSpec;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import one.profiler.AsyncProfiler;

/**
 * Records one benchmark's measured iterations: a {@link RunListener} around the run's own listener
 * that starts the recording when measuring starts and stops and keeps it (atomically) when measuring
 * ends, so warmup, setup and the other benchmarks stay out of it. JDK Flight Recorder always records
 * (allocation samples, pauses, and the measured-phase event that names the benchmark's threads); the
 * execution samples come from JFR, or from async-profiler into a JFR file of its own, which the
 * measured-phase event names with the benchmark's threads (the measuring thread and a {@code
 * .threads(n)} gang's workers), the only ones a profile counts. Both are
 * started when the recorder is made, before setup, so that their start-up costs fall outside the
 * measured iterations, and so that code the JIT compiles during warmup has complete debug information
 * once async-profiler is loaded.
 */
final class ProfileRecorder implements RunListener {
    /**
     * Allocation samples a second, as JFR's own "profile" settings: enough to rank the sites of a run of a few
     * seconds. 1000/s cost a boxing-heavy benchmark about 4% by itself; 300/s keeps the whole recording near 1%.
     */
    static final String ALLOCATION_THROTTLE = "300/s";

    private final ProfileSpec settings;
    private final RunRequest request;
    private final RunListener delegate;
    private final AsyncProfiler async;
    private final String asyncProblem;
    private final List<Artifact> artifacts = new ArrayList<>();
    private Supplier<List<Thread>> helpers = List::of;
    private Recording recording;
    private Path asyncOut;
    private Path asyncTarget;
    private MeasuredPhase phase;

    private ProfileRecorder(ProfileSpec settings, RunRequest request, RunListener delegate, AsyncProfiler async,
            String asyncProblem) {
        this.settings = settings;
        this.request = request;
        this.delegate = delegate;
        this.async = async;
        this.asyncProblem = asyncProblem;
    }

    /** {@code listener} itself when the suite is not profiled, else a recorder around it. */
    static RunListener around(RunRequest request, RunListener listener) {
        ProfileSpec p = request.suite().controls().profile();
        if (!p.enabled()) {
            return listener;
        }
        FlightRecorder.getFlightRecorder();
        AsyncProfiler async = null;
        String problem = "";
        if (p.async()) {
            try {
                AsyncProfilerLibrary.event(p.profiler());
                async = AsyncProfilerLibrary.profiler();
            } catch (IllegalStateException | IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        return new ProfileRecorder(p, request, listener, async, problem);
    }

    /** Makes a recorder also sample {@code helpers}: the threads besides the measuring thread that run the body. */
    static void watch(RunListener listener, Supplier<List<Thread>> helpers) {
        if (listener instanceof ProfileRecorder r) {
            r.helpers = helpers;
        }
    }

    /** {@code run} with the recordings made through {@code listener}, if it is a recorder. */
    static BenchmarkRun attach(RunListener listener, BenchmarkRun run) {
        return listener instanceof ProfileRecorder r ? r.finish(run) : run;
    }

    /**
     * Starts the recordings, then tells the delegate.
     *
     * @throws IllegalStateException if async-profiler was asked for and cannot start: the benchmark fails with the reason
     */
    @Override
    public void onMeasurementStart(String benchmark, ParamSet params) {
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.currentThread());
        threads.addAll(helpers.get());
        if (settings.async()) {
            startAsync(threads);
        }
        Recording r = new Recording();
        r.setName("benchbook " + request.label());
        if (!settings.async()) {
            r.enable("jdk.ExecutionSample").withPeriod(settings.period());
        }
        if (settings.allocations()) {
            r.enable("jdk.ObjectAllocationSample").with("throttle", ALLOCATION_THROTTLE).withStackTrace();
        }
        r.enable("jdk.GarbageCollection").withoutThreshold();
        r.enable("jdk.GCPhasePause").withoutThreshold();
        r.enable("jdk.SafepointBegin").withoutThreshold();
        r.enable("jdk.SafepointEnd").withoutThreshold();
        r.enable("jdk.ExecuteVMOperation").withoutThreshold();
        r.enable("jdk.JVMInformation");
        r.enable(MeasuredPhase.NAME);
        r.setToDisk(true);
        r.start();
        recording = r;
        phase = new MeasuredPhase();
        phase.suite = request.suite().name();
        phase.benchmark = benchmark;
        phase.params = params.toString();
        phase.threads = threads.stream().map(t -> String.valueOf(t.getId())).collect(Collectors.joining(","));
        phase.debugNonSafepoints = debugNonSafepoints();
        phase.asyncRecording = asyncTarget == null ? "" : asyncTarget.getFileName().toString();
        phase.begin();
        delegate.onMeasurementStart(benchmark, params);
    }

    private void startAsync(List<Thread> threads) {
        if (async == null) {
            throw new IllegalStateException("cannot profile with " + settings.profiler() + ": " + asyncProblem);
        }
        Path out = null;
        Path target;
        try {
            out = Files.createTempFile("benchbook-async-", ".jfr");
            target = target(".async.jfr");
        } catch (IOException e) {
            if (out != null) {
                deleteQuietly(out);
            }
            throw new IllegalStateException("cannot profile with " + settings.profiler() + ": no file for "
                    + "async-profiler's output: " + e, e);
        }
        String command = "start,event=" + AsyncProfilerLibrary.event(settings.profiler()) + ",interval="
                + settings.period().toNanos() + ",filter,jfr,file=" + out;
        try {
            if (out.toString().contains(",")) {
                throw new IllegalArgumentException("its options are comma-separated, and the temp folder "
                        + out.getParent() + " has a comma in its path; set -Djava.io.tmpdir to a folder without one");
            }
            async.execute(command);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            deleteQuietly(out);
            deleteQuietly(target);
            throw new IllegalStateException("async-profiler could not start " + settings.profiler() + ": "
                    + e.getMessage(), e);
        }
        asyncOut = out;
        asyncTarget = target;
        // The filter keeps wall-clock sampling to these threads; the CPU engines sample every running thread,
        // and a profile keeps these threads' samples, which the measured-phase event lists by id.
        threads.forEach(async::addThread);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind; what matters is reported by the caller
        }
    }

    /**
     * Whether the JIT records debug information at non-safepoints. The flag is diagnostic: without
     * {@code -XX:+UnlockDiagnosticVMOptions} the JVM does not show it, and it is then at its default (off)
     * unless async-profiler turned it on when it loaded.
     */
    static boolean debugNonSafepoints() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("DebugNonSafepoints").getValue());
        } catch (IllegalArgumentException e) {
            return AsyncProfilerLibrary.isLoaded();
        }
    }

    @Override
    public void onMeasurementEnd(String benchmark, ParamSet params) {
        try {
            stop();
        } finally {
            delegate.onMeasurementEnd(benchmark, params);
        }
    }

    private synchronized void stop() {
        if (asyncOut != null) {
            Path out = asyncOut;
            Path target = asyncTarget;
            asyncOut = null;
            asyncTarget = null;
            try {
                async.execute("stop");
                Path file = AtomicFiles.write(target,
                        tmp -> Files.copy(out, tmp, StandardCopyOption.REPLACE_EXISTING), "async-profiler recording");
                artifacts.add(Artifact.of(Artifact.ASYNC_JFR, file));
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                deleteQuietly(target);
                System.err.println("benchbook: the async-profiler profile of " + request.label() + " could not be kept: "
                        + e);
            } finally {
                deleteQuietly(out);
            }
        }
        if (recording == null) {
            return;
        }
        Recording r = recording;
        recording = null;
        try {
            phase.commit();
            r.stop();
            Path file = AtomicFiles.write(target(".jfr"), r::dump, "profile recording");
            artifacts.add(Artifact.of(Artifact.JFR, file));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            System.err.println("benchbook: the profile of " + request.label() + " could not be kept: " + e);
        } finally {
            r.close();
        }
    }

    private Path target(String suffix) throws IOException {
        Path dir = settings.directory().isEmpty()
                ? Path.of(System.getProperty("java.io.tmpdir"), "benchbook-artifacts", safe(request.suite().name()))
                : Path.of(settings.directory());
        Files.createDirectories(dir);
        String params = request.params().values().isEmpty() ? "" : "-" + safe(request.params().toString());
        return Files.createTempFile(dir, safe(request.bench().name()) + params + "-", suffix);
    }

    private BenchmarkRun finish(BenchmarkRun run) {
        stop();
        return artifacts.isEmpty() ? run : run.withArtifacts(artifacts);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._=-]+", "_");
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public void onSuiteStart(dev.benchbook.spec.SuiteDescriptor suite) {
        delegate.onSuiteStart(suite);
    }

    @Override
    public void onBenchmarkStart(String benchmark, ParamSet params, int plannedIterations) {
        delegate.onBenchmarkStart(benchmark, params, plannedIterations);
    }

    @Override
    public void onIteration(String benchmark, ParamSet params, IterationSample sample) {
        delegate.onIteration(benchmark, params, sample);
    }

    @Override
    public void onBenchmarkEnd(BenchmarkRun run) {
        delegate.onBenchmarkEnd(run);
    }

    @Override
    public void onSuiteEnd(dev.benchbook.result.RunResult result) {
        delegate.onSuiteEnd(result);
    }
}
