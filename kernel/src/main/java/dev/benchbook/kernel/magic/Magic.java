package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.JShellEvaluator;

/**
 * One magic. A line magic's {@link #name()} starts with {@code %} and takes the rest of its line;
 * a cell magic's starts with {@code %%}, heads its cell and takes the lines below as its body.
 */
public interface Magic {
    /** How a cell invokes it, e.g. {@code "%maven"} or {@code "%%bench"}. */
    String name();

    /** Usage and what it does, on one line, as {@code %lsmagic} shows it. */
    String help();

    /**
     * Runs the magic.
     *
     * @return the value the cell shows, or {@link JShellEvaluator.Result#NONE}
     * @throws dev.benchbook.kernel.CellException when the arguments are wrong or the work fails;
     *     the message names the magic, the value, the rule and the fix
     */
    JShellEvaluator.Result run(MagicCall call, MagicSession session);
}
