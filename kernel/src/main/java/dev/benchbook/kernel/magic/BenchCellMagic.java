package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;

/**
 * {@code %%bench [options]}: benchmarks the cell body with Benchbook's harness, like IPython's
 * {@code %%timeit} but with warmup, calibrated batches, a confidence interval and allocation per
 * operation. The body's last expression is the benchmark's result, consumed by the Blackhole.
 * Prints one summary line; the cell's value is the {@code Results}.
 */
final class BenchCellMagic implements Magic {
    @Override
    public String name() {
        return "%%bench";
    }

    @Override
    public String help() {
        return BenchOptions.USAGE + " : benchmark the cell body through the DSL (warmup, calibrated batches, CI,"
                + " alloc/op; the last expression is consumed); prints mean ± CI half-width, the value is the Results."
                + " --time caps the measuring (maxTime)";
    }

    @Override
    public JShellEvaluator.Result run(MagicCall call, MagicSession session) {
        MagicArgs.Parsed parsed = MagicArgs.leadingOptions(name(), call.args(), BenchOptions.FLAGS, BenchOptions.VALUED);
        if (!parsed.rest().isEmpty()) {
            throw new MagicError("%%bench " + call.args() + ": '" + parsed.rest() + "' is not an option; put the code"
                    + " on the lines below %%bench (or use %bench CODE on one line)");
        }
        if (call.body().isBlank()) {
            throw new MagicError("%%bench: the cell has no code below the magic; add the code to benchmark,"
                    + " ending with the expression whose result the benchmark returns");
        }
        BenchOptions options = BenchOptions.of(name(), parsed);
        return BenchRunner.run(name(), call.body(), call.line(), true, call.label(), call.label(), options, session);
    }
}
