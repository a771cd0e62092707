package dev.benchbook.harness;

import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.io.AtomicFiles;
import dev.benchbook.result.Artifact;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ProfileSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Records one benchmark's measured iterations with JDK Flight Recorder: a {@link RunListener} around
 * the run's own listener that starts a {@link Recording} when measuring starts and stops and dumps it
 * (atomically) when measuring ends, both on the measuring thread, so warmup, setup and the other
 * benchmarks stay out of it. JFR itself is started when the recorder is made, before setup, so that
 * its start-up cost falls outside the measured iterations too.
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
    private final List<Artifact> artifacts = new ArrayList<>();
    private Recording recording;
    private MeasuredPhase phase;

    private ProfileRecorder(ProfileSpec settings, RunRequest request, RunListener delegate) {
        this.settings = settings;
        this.request = request;
        this.delegate = delegate;
    }

    /** {@code listener} itself when the suite is not profiled with JFR, else a recorder around it. */
    static RunListener around(RunRequest request, RunListener listener) {
        ProfileSpec p = request.suite().controls().profile();
        if (!p.enabled() || !ProfileSpec.JFR.equals(p.profiler())) {
            return listener;
        }
        FlightRecorder.getFlightRecorder();
        return new ProfileRecorder(p, request, listener);
    }

    /** {@code run} with the recordings made through {@code listener}, if it is a recorder. */
    static BenchmarkRun attach(RunListener listener, BenchmarkRun run) {
        return listener instanceof ProfileRecorder r ? r.finish(run) : run;
    }

    @Override
    public void onMeasurementStart(String benchmark, ParamSet params) {
        delegate.onMeasurementStart(benchmark, params);
        Recording r = new Recording();
        r.setName("benchbook " + request.label());
        r.enable("jdk.ExecutionSample").withPeriod(settings.period());
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
        phase.begin();
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
        if (recording == null) {
            return;
        }
        Recording r = recording;
        recording = null;
        try {
            phase.commit();
            r.stop();
            Path file = AtomicFiles.write(target(), r::dump, "profile recording");
            artifacts.add(Artifact.of(Artifact.JFR, file));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            System.err.println("benchbook: the profile of " + request.label() + " could not be kept: " + e);
        } finally {
            r.close();
        }
    }

    private Path target() throws IOException {
        Path dir = settings.directory().isEmpty()
                ? Path.of(System.getProperty("java.io.tmpdir"), "benchbook-artifacts", safe(request.suite().name()))
                : Path.of(settings.directory());
        Files.createDirectories(dir);
        String params = request.params().values().isEmpty() ? "" : "-" + safe(request.params().toString());
        Path placeholder = Files.createTempFile(dir, safe(request.bench().name()) + params + "-", ".jfr");
        return placeholder;
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
