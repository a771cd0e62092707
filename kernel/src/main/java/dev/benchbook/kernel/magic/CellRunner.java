package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException;
import dev.benchbook.kernel.JShellEvaluator;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Runs a notebook cell: Java parts through JShell, magic calls through their magic, in order. The
 * value of the last part is the cell's value. A cell without magics goes to JShell unchanged.
 */
public final class CellRunner {
    private final MagicSession session;

    /** A runner whose magics act on {@code session}. */
    public CellRunner(MagicSession session) {
        this.session = session;
    }

    /** The session magics act on. */
    public MagicSession session() {
        return session;
    }

    /**
     * Runs {@code cell}.
     *
     * @param label how stack traces name the cell, e.g. {@code "cell [3]"}
     * @throws CellException when a part fails; the parts before it keep their effects
     */
    public JShellEvaluator.Result run(String cell, String label) {
        JShellEvaluator evaluator = session.evaluator();
        if (cell.indexOf('%') < 0) {
            return evaluator.eval(cell, label);
        }
        var parts = CellParser.parse(cell, label, session.magics(),
                java -> !BaseKernel.IS_COMPLETE_YES.equals(evaluator.isComplete(java))
                        && !BaseKernel.IS_COMPLETE_BAD.equals(evaluator.isComplete(java)));
        evaluator.beginCell();
        JShellEvaluator.Result result = JShellEvaluator.Result.NONE;
        for (CellParser.Part part : parts) {
            if (evaluator.stopRequested()) {
                throw new CellException.Interrupted();
            }
            if (part instanceof CellParser.JavaPart java) {
                result = evaluator.continueCell(java.source(), label);
            } else if (part instanceof CellParser.MagicPart magic) {
                result = magic.magic().run(magic.call(), session);
            }
        }
        return result;
    }
}
