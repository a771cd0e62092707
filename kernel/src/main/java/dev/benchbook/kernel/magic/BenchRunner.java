package dev.benchbook.kernel.magic;

import dev.benchbook.Results;
import dev.benchbook.kernel.CellException;
import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;
import dev.benchbook.kernel.JShellEvaluator.Piece;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.Snippet;

/**
 * Turns code into a Benchbook benchmark and runs it. The code becomes the body of a notebook method
 * {@code $benchN(BenchContext)} whose last expression is returned; declaring the method runs
 * nothing, and the first return type it compiles with picks the DSL call: {@code long} for
 * integral results ({@code benchmarkLong}, no boxing), {@code double} for floating-point ones
 * ({@code benchmarkDouble}), {@code Object} otherwise ({@code benchmark}), and {@code void} when the
 * code ends with a statement (nothing to consume: a note says so). A lambda that calls the method
 * goes to {@code Bench.suite(...)} with the options, and {@code run()} is evaluated as a snippet,
 * so earlier cells' variables are in scope and an interrupt stops it like any cell.
 */
final class BenchRunner {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A return type to try and the DSL method that consumes it. */
    private enum Form {
        LONG("long", "benchmarkLong"), DOUBLE("double", "benchmarkDouble"), OBJECT("Object", "benchmark"),
        VOID("void", "benchmark");

        final String type;
        final String dsl;

        Form(String type, String dsl) {
            this.type = type;
            this.dsl = dsl;
        }
    }

    private BenchRunner() {
    }

    /**
     * Benchmarks {@code code}.
     *
     * @param magic the magic's name, for messages and as the suite name
     * @param code statements ending, ideally, with an expression
     * @param magicLine the cell line of the magic
     * @param cellForm whether the code is a cell body (from the next line on) or on the magic's line
     * @param label the cell's name in stack traces
     * @param benchName the benchmark's name in the results
     * @return the {@code Results} of the run
     */
    static JShellEvaluator.Result run(String magic, String code, int magicLine, boolean cellForm, String label,
            String benchName, BenchOptions options, MagicSession session) {
        JShellEvaluator evaluator = session.evaluator();
        List<Piece> pieces = evaluator.pieces(MagicCall.padded(code, cellForm ? 2 : 1));
        if (pieces.isEmpty()) {
            throw new MagicError(magic + ": there is no code to benchmark; add an expression");
        }
        for (Piece p : pieces) {
            if (p.kind() == Snippet.Kind.IMPORT || p.kind() == Snippet.Kind.METHOD) {
                String what = p.kind() == Snippet.Kind.IMPORT ? "an import" : "a method declaration";
                throw new MagicError(magic + ": the code holds " + what + " (" + firstLine(p.source())
                        + "); the code is the body of the benchmark, so declare that in an earlier cell");
            }
        }
        Piece last = pieces.get(pieces.size() - 1);
        String padded = MagicCall.padded(code, cellForm ? 2 : 1);
        int lastStart = last.offset() - (padded.length() - code.length());
        String method = "$bench" + COUNTER.incrementAndGet();
        Form form = declare(magic, method, code, lastStart, last, magicLine, cellForm, label, session);
        if (form == Form.VOID && !options.quiet()) {
            session.out().println("Note: the code ends with a statement, so its result is not consumed and the JIT may"
                    + " remove work whose result is unused; end it with the expression to measure.");
        }
        String lambda = form == Form.VOID
                ? "$ctx -> { " + method + "($ctx); return null; }"
                : "$ctx -> " + method + "($ctx)";
        String run = "dev.benchbook.Bench.suite(" + literal(magic) + ")." + form.dsl + "(" + literal(benchName) + ", "
                + lambda + ")" + options.dsl() + ".run()";
        JShellEvaluator.Result result = evaluator.continueCell(MagicCall.padded(run, magicLine), label);
        if (!(result.value() instanceof Results results)) {
            throw new IllegalStateException(magic + ": run() gave " + result.value());
        }
        String line = BenchSummary.line(magic, results);
        if (!options.quiet()) {
            session.out().println(line);
        }
        return result;
    }

    /** Declares the method with the first return type it compiles with. */
    private static Form declare(String magic, String method, String code, int lastStart, Piece last, int magicLine,
            boolean cellForm, String label, MagicSession session) {
        String prefix = code.substring(0, lastStart);
        String core = last.source().strip();
        while (core.endsWith(";")) {
            core = core.substring(0, core.length() - 1).stripTrailing();
        }
        String suffix = code.substring(Math.min(code.length(), lastStart + core.length()));
        if (suffix.stripLeading().startsWith(";")) {
            suffix = suffix.substring(suffix.indexOf(';') + 1);
        }
        String end = core.lines().reduce((a, b) -> b).orElse("").contains("//") ? "\n;" : ";";
        boolean expression = last.mayBeExpression();
        Map<Form, CellException> errors = new EnumMap<>(Form.class);
        for (Form form : Form.values()) {
            if (!expression && form != Form.VOID) {
                continue;
            }
            String body = form == Form.VOID
                    ? prefix + core + end + suffix
                    : prefix + "return " + core + end + suffix;
            String header = form.type + " " + method + "(dev.benchbook.spec.BenchContext $ctx) throws Exception {";
            String source = MagicCall.padded(header + (cellForm ? "\n" : " ") + body + "\n}", magicLine);
            try {
                List<String> missing = session.evaluator().declare(source, label);
                if (!missing.isEmpty()) {
                    throw new MagicError(magic + ": the code uses " + String.join(", ", missing)
                            + ", which is not declared yet; declare it in an earlier cell");
                }
                return form;
            } catch (CellException.CompilationError e) {
                errors.put(form, e);
            }
        }
        // The Object form's errors are the user's, unless the expression is void: then the void form's are.
        CellException object = errors.get(Form.OBJECT);
        throw object != null && !mentionsVoid(object) ? object : errors.get(Form.VOID);
    }

    private static boolean mentionsVoid(CellException e) {
        return (e.headline() + String.join("\n", e.details())).contains("void");
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }

    /** {@code s} as a Java string literal. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
