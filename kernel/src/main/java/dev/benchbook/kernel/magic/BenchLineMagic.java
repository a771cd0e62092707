package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;

/**
 * {@code %bench [options] CODE}: the line form of {@code %%bench}; CODE is an expression (or
 * statements ending with one) on the magic's line. Put {@code --} before CODE that starts with '-'.
 */
final class BenchLineMagic implements Magic {
    private static final int MAX_NAME = 60;

    @Override
    public String name() {
        return "%bench";
    }

    @Override
    public String help() {
        return BenchOptions.USAGE + " CODE : benchmark one line of code like %%bench (-- before CODE that starts"
                + " with '-')";
    }

    @Override
    public JShellEvaluator.Result run(MagicCall call, MagicSession session) {
        MagicArgs.Parsed parsed = MagicArgs.leadingOptions(name(), call.args(), BenchOptions.FLAGS, BenchOptions.VALUED);
        if (parsed.rest().isEmpty()) {
            throw new MagicError("%bench: no code given; write %bench EXPRESSION, e.g. %bench List.of(3, 1, 2).hashCode()");
        }
        BenchOptions options = BenchOptions.of(name(), parsed);
        String code = parsed.rest();
        String benchName = code.length() <= MAX_NAME ? code : code.substring(0, MAX_NAME - 1) + "…";
        return BenchRunner.run(name(), code, call.line(), false, call.label(), benchName, options, session);
    }
}
