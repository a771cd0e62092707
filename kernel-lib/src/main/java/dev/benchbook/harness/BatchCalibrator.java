package dev.benchbook.harness;

/**
 * Finds how many invocations one iteration needs to last at least a target time.
 *
 * <p>It times growing batches until one reaches the target, extrapolating from the last batch that
 * was long enough to be measured reliably. Pure logic over a batch-timing function, so it can be
 * tested with a fake clock.
 */
public final class BatchCalibrator {
    /** Batches shorter than this are too close to the timer's resolution to extrapolate from. */
    static final long MIN_RELIABLE_NS = 1_000_000;
    /** Upper bound on the batch size, to keep one iteration's loop counter meaningful. */
    public static final long MAX_BATCH = 1L << 40;

    private BatchCalibrator() {}

    /** Runs one timed batch. */
    @FunctionalInterface
    public interface BatchTimer {
        /** Runs {@code n} invocations and returns their wall nanoseconds. */
        long time(long n) throws Exception;
    }

    /** Called between calibration batches; throws to abandon calibration. */
    @FunctionalInterface
    public interface Checkpoint {
        /** Throws if calibration must stop. */
        void check() throws Exception;
    }

    /**
     * Returns the smallest tried batch size whose timed batch lasted at least {@code targetNs}.
     *
     * @param timeBatch runs a batch of the given size and returns its wall nanoseconds
     * @param targetNs the target iteration time, {@code > 0}
     * @param deadlineCheck called between batches; may throw to abandon calibration
     * @return a batch size in {@code [1, MAX_BATCH]}
     * @throws Exception whatever the batch or the checkpoint throws
     */
    public static long calibrate(BatchTimer timeBatch, long targetNs, Checkpoint deadlineCheck) throws Exception {
        long n = 1;
        while (true) {
            deadlineCheck.check();
            long elapsed = timeBatch.time(n);
            if (elapsed >= targetNs || n >= MAX_BATCH) {
                return n;
            }
            long next;
            if (elapsed < MIN_RELIABLE_NS) {
                next = n * 10;
            } else {
                // Aim 10% above the target so that a slightly faster next batch still reaches it.
                double scale = 1.1 * targetNs / Math.max(1, elapsed);
                next = (long) Math.ceil(n * scale);
            }
            n = Math.min(MAX_BATCH, Math.max(n + 1, next));
        }
    }

    /**
     * Re-scales a batch size after warmup, when the JIT has made each invocation faster, so that the
     * measured iterations still last about {@code targetNs}. Never shrinks the batch.
     *
     * @param batch the current batch size
     * @param lastElapsedNs wall nanoseconds of the last warmup batch
     * @param targetNs the target iteration time
     */
    public static long rescale(long batch, long lastElapsedNs, long targetNs) {
        if (lastElapsedNs <= 0 || lastElapsedNs >= targetNs) {
            return batch;
        }
        double scale = 1.1 * targetNs / lastElapsedNs;
        return Math.min(MAX_BATCH, Math.max(batch, (long) Math.ceil(batch * scale)));
    }
}
