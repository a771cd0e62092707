package dev.benchbook.result;

import dev.benchbook.spec.ParamSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * Everything measured for one benchmark at one param combination.
 *
 * @param benchmark the benchmark's name
 * @param params the param combination
 * @param status how the run ended
 * @param error what went wrong (exception class and message, or the timeout), empty when OK
 * @param samples every completed iteration, warmup first
 * @param stopReason why measuring ended
 */
public record BenchmarkRun(
        String benchmark, ParamSet params, Status status, String error, List<IterationSample> samples,
        StopReason stopReason) {

    public BenchmarkRun {
        samples = List.copyOf(samples);
        error = error == null ? "" : error;
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

    /** Wall nanoseconds per operation of each measured iteration. */
    public double[] wallNsPerOp() {
        return measured().stream().mapToDouble(IterationSample::wallNsPerOp).toArray();
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
}
