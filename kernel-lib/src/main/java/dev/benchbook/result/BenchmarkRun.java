package dev.benchbook.result;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import dev.benchbook.spec.ParamSet;

/**
 * Everything measured for one benchmark at one param combination.
 *
 * @param benchmark the benchmark's name
 * @param params the param combination
 * @param status how the run ended
 * @param error what went wrong (exception class and message, or the timeout), empty when OK
 * @param samples every completed iteration, warmup first (per fork, forks in order)
 * @param stopReason why measuring ended
 * @param runValues the run-level metrics ({@link Metric.Scope#PER_RUN}), e.g. {@code peak_heap_bytes}
 * @param runner the id of the runner that measured it, e.g. {@code in-process} or {@code fork}
 * @param artifacts files the run produced and keeps, e.g. one profile recording per fork; empty when none
 */
public record BenchmarkRun(
        String benchmark, ParamSet params, Status status, String error, List<IterationSample> samples,
        StopReason stopReason, Map<String, Double> runValues, String runner, List<Artifact> artifacts) {

    /** The runner id of runs that were imported rather than measured. */
    public static final String IMPORTED = "imported";

    public BenchmarkRun {
        samples = List.copyOf(samples);
        error = error == null ? "" : error;
        runValues = runValues == null || runValues.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(runValues));
        runner = runner == null ? IMPORTED : runner;
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /** A run without artifacts. */
    public BenchmarkRun(String benchmark, ParamSet params, Status status, String error, List<IterationSample> samples,
            StopReason stopReason, Map<String, Double> runValues, String runner) {
        this(benchmark, params, status, error, samples, stopReason, runValues, runner, List.of());
    }

    /** A run without run-level metrics. */
    public BenchmarkRun(String benchmark, ParamSet params, Status status, String error, List<IterationSample> samples,
            StopReason stopReason) {
        this(benchmark, params, status, error, samples, stopReason, Map.of(), IMPORTED);
    }

    /**
     * A run of a fixed number of iterations, as imported from tools without adaptive stopping:
     * stopped for {@link StopReason#FIXED} when OK, {@link StopReason#NONE} otherwise.
     */
    public BenchmarkRun(String benchmark, ParamSet params, Status status, String error, List<IterationSample> samples) {
        this(benchmark, params, status, error, samples, status == Status.OK ? StopReason.FIXED : StopReason.NONE);
    }

    /** The measured (non-warmup) iterations. */
    public List<IterationSample> measured() {
        return samples.stream().filter(s -> !s.warmup()).toList();
    }

    /** The warmup iterations. */
    public List<IterationSample> warmupSamples() {
        return samples.stream().filter(IterationSample::warmup).toList();
    }

    /** Wall nanoseconds per operation of each measured iteration. */
    public double[] wallNsPerOp() {
        return measured().stream().mapToDouble(IterationSample::wallNsPerOp).toArray();
    }

    /** The measured iterations' values of metric {@code id}, the iterations that lack it left out. */
    public double[] values(String id) {
        return measured().stream().mapToDouble(s -> s.value(id)).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** The run-level value of metric {@code id}, NaN when absent. */
    public double runValue(String id) {
        Double v = runValues.get(id);
        return v == null ? Double.NaN : v;
    }

    /**
     * Whether every iteration's verification output had the same hash. A run with fewer than two
     * iterations is trivially deterministic.
     */
    public boolean deterministic() {
        return samples.stream().mapToLong(IterationSample::outputHash).distinct().count() <= 1;
    }

    /** The output hash of the first measured iteration, if any. */
    public OptionalLong outputHash() {
        return measured().stream().mapToLong(IterationSample::outputHash).findFirst();
    }

    /** This run with other samples, e.g. the merged samples of its forks. */
    public BenchmarkRun withSamples(List<IterationSample> other) {
        return new BenchmarkRun(benchmark, params, status, error, other, stopReason, runValues, runner, artifacts);
    }

    /** This run with {@code more} artifacts after its own. */
    public BenchmarkRun withArtifacts(List<Artifact> more) {
        List<Artifact> all = new java.util.ArrayList<>(artifacts);
        all.addAll(more);
        return new BenchmarkRun(benchmark, params, status, error, samples, stopReason, runValues, runner, all);
    }
}
