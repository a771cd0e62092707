package dev.benchbook.analysis;

import dev.benchbook.spec.ParamSet;
import java.util.Locale;

/**
 * Allocated bytes per operation differed across measured iterations beyond the tolerance.
 *
 * @param benchmark the benchmark
 * @param params the param combination
 * @param minBytesPerOp the smallest iteration's allocation per operation
 * @param maxBytesPerOp the largest iteration's allocation per operation
 * @param allowedSpread the largest spread the tolerance allows, in bytes per operation
 * @param iteration the index of the iteration with the largest allocation
 */
public record MemoryVariance(
        String benchmark, ParamSet params, double minBytesPerOp, double maxBytesPerOp, double allowedSpread,
        int iteration) implements Finding {

    @Override
    public double actual() {
        return maxBytesPerOp - minBytesPerOp;
    }

    @Override
    public double bound() {
        return allowedSpread;
    }

    @Override
    public String message() {
        return String.format(Locale.ROOT, "allocation per op ranged from %.1f to %.1f bytes (spread %.1f > allowed %.1f,"
                + " largest at iteration %d); look for caches, lazy initialisation or escape analysis that comes and goes,"
                + " or raise allocTolerance", minBytesPerOp, maxBytesPerOp, actual(), allowedSpread, iteration);
    }
}
