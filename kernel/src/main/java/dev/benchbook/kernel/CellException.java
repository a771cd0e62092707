package dev.benchbook.kernel;

import java.util.List;

/**
 * Why a cell did not complete. The kernel shows {@link #headline()} and {@link #details()} as the
 * cell's error output; Jupyter shows the simple class name as the error name, hence the subclasses.
 * Carries no stack trace of its own: the kernel's frames mean nothing to a notebook user.
 */
public abstract class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> details;

    private CellException(String headline, List<String> details) {
        super(headline, null, false, false);
        this.details = List.copyOf(details);
    }

    /** One line saying what went wrong. */
    public String headline() {
        return getMessage();
    }

    /** The lines that follow the headline: source with caret, or the user's stack trace. */
    public List<String> details() {
        return details;
    }

    /** The cell does not compile. */
    public static final class CompilationError extends CellException {
        private static final long serialVersionUID = 1L;

        CompilationError(String headline, List<String> details) {
            super(headline, details);
        }
    }

    /** The cell's code threw, or used a declaration that cannot run yet. */
    public static final class EvaluationError extends CellException {
        private static final long serialVersionUID = 1L;

        EvaluationError(String headline, List<String> details) {
            super(headline, details);
        }
    }

    /**
     * A magic ({@code %maven}, {@code %%bench}, ...) could not do what the cell asked: a bad argument,
     * a missing file or artifact. The headline names the magic, the value, the rule and the fix.
     */
    public static final class MagicError extends CellException {
        private static final long serialVersionUID = 1L;

        /**
         * @param headline what went wrong and how to fix it, e.g. {@code "%jars: no file lib/x.jar; ..."}
         * @param details further lines: candidates, causes
         */
        public MagicError(String headline, List<String> details) {
            super(headline, details);
        }

        /** A magic error without further lines. */
        public MagicError(String headline) {
            this(headline, List.of());
        }
    }

    /** The cell called {@code System.exit} (or {@code Runtime.exit}/{@code halt}), which the kernel refused. */
    public static final class ExitRefused extends CellException {
        private static final long serialVersionUID = 1L;

        ExitRefused(String headline, List<String> details) {
            super(headline, details);
        }
    }

    /** The cell was stopped by an interrupt request. */
    public static final class Interrupted extends CellException {
        private static final long serialVersionUID = 1L;

        /** The cell stopped because the user interrupted it. */
        public Interrupted() {
            super("Interrupted: the cell was stopped; variables defined before keep their values",
                    List.of());
        }
    }
}
