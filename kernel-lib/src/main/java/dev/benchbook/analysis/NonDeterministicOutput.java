package dev.benchbook.analysis;

import dev.benchbook.format.Hex;
import dev.benchbook.spec.ParamSet;

/**
 * The output hash changed between iterations: the same work on the same data gave a different
 * result.
 *
 * @param benchmark the benchmark
 * @param params the param combination
 * @param expectedHash the hash of the first iteration's output
 * @param actualHash the first hash that differed
 * @param iteration the index of the iteration that produced {@code actualHash}
 * @param differing how many iterations differed from the first
 */
public record NonDeterministicOutput(
        String benchmark, ParamSet params, long expectedHash, long actualHash, int iteration, int differing)
        implements Finding {

    @Override
    public double actual() {
        return actualHash;
    }

    @Override
    public double bound() {
        return expectedHash;
    }

    @Override
    public String message() {
        return "output hash " + Hex.of(actualHash) + " at iteration " + iteration + " differs from "
                + Hex.of(expectedHash) + " of iteration 0 (" + differing
                + (differing == 1 ? " iteration differs)" : " iterations differ)")
                + "; make the result depend only on ctx.random() and the state";
    }
}
