package dev.benchbook.result;

/**
 * The raw figures of one iteration: one timed batch of {@code batchSize} invocations.
 *
 * @param index 0-based position among all iterations of the run, warmup first
 * @param warmup whether this was a warmup iteration (excluded from statistics)
 * @param batchSize invocations in the timed batch, {@code >= 1}
 * @param wallNs wall-clock nanoseconds of the whole batch
 * @param cpuNs CPU nanoseconds of the measuring thread during the batch, or -1 if unsupported
 * @param allocBytes bytes allocated by the measuring thread during the batch, or -1 if unsupported
 * @param gcCount garbage collections (JVM-wide) that completed during the batch
 * @param gcTimeMs milliseconds those collections took (JVM-wide)
 * @param outputHash structural 64-bit hash of the output of this iteration's untimed verification
 *     invocation
 * @param fork which JVM measured it: 0 in-process, 1..n for forked runs
 */
public record IterationSample(
        int index,
        boolean warmup,
        long batchSize,
        long wallNs,
        long cpuNs,
        long allocBytes,
        long gcCount,
        long gcTimeMs,
        long outputHash,
        int fork) {

    /** A sample measured in this JVM (fork 0). */
    public IterationSample(int index, boolean warmup, long batchSize, long wallNs, long cpuNs, long allocBytes,
            long gcCount, long gcTimeMs, long outputHash) {
        this(index, warmup, batchSize, wallNs, cpuNs, allocBytes, gcCount, gcTimeMs, outputHash, 0);
    }

    /** This sample, attributed to fork {@code n}. */
    public IterationSample inFork(int n) {
        return new IterationSample(index, warmup, batchSize, wallNs, cpuNs, allocBytes, gcCount, gcTimeMs, outputHash, n);
    }

    /** Wall-clock nanoseconds per operation. */
    public double wallNsPerOp() {
        return (double) wallNs / batchSize;
    }

    /** Thread CPU nanoseconds per operation, or NaN if unsupported. */
    public double cpuNsPerOp() {
        return cpuNs < 0 ? Double.NaN : (double) cpuNs / batchSize;
    }

    /** Allocated bytes per operation, or NaN if unsupported. */
    public double allocBytesPerOp() {
        return allocBytes < 0 ? Double.NaN : (double) allocBytes / batchSize;
    }
}
