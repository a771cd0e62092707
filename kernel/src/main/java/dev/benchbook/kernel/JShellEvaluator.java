package dev.benchbook.kernel;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates notebook cells with JShell, in this JVM. A cell may hold several snippets; they run in
 * order and the value of the last one, if it is an expression, becomes the cell's value. Cells are
 * evaluated one at a time; only {@link #interrupt()} may be called from another thread.
 */
public final class JShellEvaluator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JShellEvaluator.class);
    /** How long an interrupted cell may react to its interrupt before its threads are stopped. */
    static final Duration DEFAULT_STOP_GRACE = Duration.ofMillis(500);

    private final InProcessExecutionControl control;
    private final JShell jshell;
    private final SourceCodeAnalysis analysis;
    /** Where each snippet's first line is, by snippet id, to name its stack frames. */
    private final Map<String, Place> places = new ConcurrentHashMap<>();

    private record Place(String label, int firstLine) {
    }

    /**
     * The value of a cell.
     *
     * @param hasValue whether the cell ended with an expression
     * @param value what that expression evaluated to; may be {@code null}
     */
    public record Result(boolean hasValue, Object value) {
        /** No value: the cell ended with a declaration or statement. */
        public static final Result NONE = new Result(false, null);
    }

    private JShellEvaluator(InProcessExecutionControl control, JShell jshell) {
        this.control = control;
        this.jshell = jshell;
        this.analysis = jshell.sourceCodeAnalysis();
    }

    /**
     * An evaluator whose snippets see this JVM's {@code java.class.path} and start with
     * {@link DefaultImports#STATEMENTS}.
     */
    public static JShellEvaluator create() {
        List<String> classpath = Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .toList();
        return create(classpath, DefaultImports.STATEMENTS, DEFAULT_STOP_GRACE);
    }

    /**
     * An evaluator with the given compile classpath and start-up imports.
     *
     * @param classpath entries snippets compile against; their classes load through the kernel's
     *     own class loader first, so objects are shared with the kernel
     * @param imports import statements evaluated before any cell
     * @param stopGrace how long an interrupt waits for the cell to give up before killing it
     */
    public static JShellEvaluator create(List<String> classpath, List<String> imports, Duration stopGrace) {
        JavadocSources.install();
        SnippetLoader loader = new SnippetLoader(JShellEvaluator.class.getClassLoader());
        InProcessExecutionControl control = new InProcessExecutionControl(loader, stopGrace);
        JShell jshell = JShell.builder()
                .executionEngine(control.provider(), Map.of())
                .build();
        for (String entry : classpath) {
            jshell.addToClasspath(entry);
        }
        JShellEvaluator evaluator = new JShellEvaluator(control, jshell);
        for (String statement : imports) {
            try {
                evaluator.eval(statement);
            } catch (CellException e) {
                LOG.warn("Start-up import failed: {} ({})", statement, e.getMessage());
            }
        }
        return evaluator;
    }

    /** Evaluates a cell; stack traces call it "cell". See {@link #eval(String, String)}. */
    public Result eval(String cell) {
        return eval(cell, "cell");
    }

    /**
     * Evaluates a cell.
     *
     * @param cell the cell's source
     * @param label how stack traces name this cell, now and later, e.g. {@code "cell [3]"}
     * @return the cell's value
     * @throws CellException when the cell does not compile, throws, or is interrupted; snippets
     *     before the failing one keep their effects
     */
    public Result eval(String cell, String label) {
        beginCell();
        return continueCell(cell, label);
    }

    /**
     * Starts a cell that is evaluated in parts (Java between magics): forgets stop requests of an
     * earlier cell. Follow it with {@link #continueCell} for each Java part.
     */
    public void beginCell() {
        control.beginCell();
    }

    /**
     * Evaluates a Java part of the cell begun with {@link #beginCell()}, like {@link #eval(String,
     * String)} but keeping a stop request made since then. Pad {@code source} with the blank lines
     * that precede it in the cell, and errors name the cell's lines.
     */
    public Result continueCell(String source, String label) {
        return evalSnippets(source, label, null);
    }

    /**
     * Evaluates the content of a source file as part of the current cell; stack traces and
     * compilation errors name {@code fileName}, e.g. {@code "Compilation error in Point.java, line 3: ..."}.
     */
    public Result evalFile(String source, String fileName) {
        return evalSnippets(source, fileName, fileName);
    }

    /** Whether the current cell was asked to stop since {@link #beginCell()}. */
    public boolean stopRequested() {
        return control.stopRequested();
    }

    private Result evalSnippets(String cell, String label, String file) {
        Result result = Result.NONE;
        String remaining = cell;
        while (true) {
            if (control.stopRequested()) {
                throw new CellException.Interrupted();
            }
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                return result;
            }
            boolean complete = info.completeness().isComplete() && info.source() != null;
            // JShell numbers the lines of a snippet wrongly when it starts with blank lines.
            String source = (complete ? info.source() : remaining).stripLeading();
            int offset = cell.length() - remaining.length() + SnippetText.locate(remaining, source);
            result = evalSnippet(cell, offset, source, label, file);
            remaining = complete ? info.remaining() : "";
        }
    }

    /**
     * A snippet of a source, as JShell would evaluate it.
     *
     * @param offset where it starts in the source
     * @param source its text as JShell completed it (a missing final semicolon added)
     * @param kind what JShell takes it for, from the source alone ({@code ERRONEOUS} when it cannot tell)
     * @param subKind the finer kind; an expression is a {@code VAR} of {@code TEMP_VAR_EXPRESSION_SUBKIND}
     */
    public record Piece(int offset, String source, Snippet.Kind kind, Snippet.SubKind subKind) {
        /** Whether it may be an expression with a value: JShell says so, or cannot tell without types. */
        public boolean mayBeExpression() {
            return kind == Snippet.Kind.EXPRESSION || kind == Snippet.Kind.ERRONEOUS
                    || subKind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        }
    }

    /**
     * Splits {@code code} into the snippets JShell would evaluate, without evaluating anything.
     *
     * @throws CellException.CompilationError when the code ends in an incomplete snippet
     */
    public List<Piece> pieces(String code) {
        List<Piece> pieces = new ArrayList<>();
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                return pieces;
            }
            int offset = code.length() - remaining.length();
            if (!info.completeness().isComplete() || info.source() == null) {
                String rest = remaining.stripLeading();
                throw new CellException.CompilationError("Compilation error in line "
                        + SnippetText.lineOf(code, offset + SnippetText.locate(remaining, rest)) + ": the code is incomplete",
                        List.of("    " + rest.lines().findFirst().orElse(""),
                                "  finish the statement or expression (a missing ')', '}' or ';'?)"));
            }
            String source = info.source().stripLeading();
            List<Snippet> parsed = analysis.sourceToSnippets(source);
            Snippet first = parsed.isEmpty() ? null : parsed.get(0);
            pieces.add(new Piece(offset + SnippetText.locate(remaining, source), source,
                    first == null ? Snippet.Kind.ERRONEOUS : first.kind(),
                    first == null ? Snippet.SubKind.UNKNOWN_SUBKIND : first.subKind()));
            remaining = info.remaining();
        }
    }

    /**
     * Declares a method or type from {@code source} without running anything.
     *
     * @param source the declaration, padded with blank lines so that its lines are the cell's
     * @param label how stack traces name the cell
     * @return the declarations it still waits for; empty when it can be called
     * @throws CellException.CompilationError when it does not compile
     */
    public List<String> declare(String source, String label) {
        String stripped = source.stripLeading();
        int offset = source.length() - stripped.length();
        List<SnippetEvent> events = jshell.eval(stripped);
        control.takeOutcome();
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (main == null || !(main.snippet() instanceof DeclarationSnippet decl)) {
            throw new IllegalArgumentException("not a declaration: " + stripped);
        }
        if (main.status() == Snippet.Status.REJECTED) {
            throw CellErrors.compilation(source, offset, jshell.diagnostics(decl).toList(), null);
        }
        places.put(decl.id(), new Place(label, SnippetText.lineOf(source, offset)));
        return main.status().isDefined() && main.status() == Snippet.Status.VALID
                ? List.of() : jshell.unresolvedDependencies(decl).toList();
    }

    /**
     * Adds a jar or class directory to what snippets compile against and load from: the class
     * loader of snippet classes, so benchmarks defined in later cells run with it.
     */
    public void addToClasspath(String path) {
        jshell.addToClasspath(path);
    }

    private Result evalSnippet(String cell, int offset, String source, String label, String file) {
        List<SnippetEvent> events = jshell.eval(source);
        InProcessExecutionControl.Outcome outcome = control.takeOutcome();
        if (outcome.stopped() || control.stopRequested()) {
            throw new CellException.Interrupted();
        }
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (main == null) {
            return Result.NONE;
        }
        Snippet snippet = main.snippet();
        if (main.status() == Snippet.Status.REJECTED) {
            throw CellErrors.compilation(cell, offset, jshell.diagnostics(snippet).toList(), file);
        }
        places.put(snippet.id(), new Place(label, SnippetText.lineOf(cell, offset)));
        if (main.exception() instanceof UnresolvedReferenceException ure) {
            DeclarationSnippet decl = ure.getSnippet();
            throw CellErrors.unresolved(decl.source().strip().split("\\R", 2)[0],
                    jshell.unresolvedDependencies(decl).toList());
        }
        if (main.exception() instanceof EvalException ee
                && ee.getExceptionClassName().equals(ExitGuard.ExitRefusedError.class.getName())) {
            throw new CellException.ExitRefused(ee.getMessage(), CellErrors.thrown(ee, this::describeSnippetFrame)
                    .details().stream().filter(l -> !l.contains(ExitGuard.class.getName() + ".")).toList());
        }
        if (main.exception() != null) {
            throw CellErrors.thrown(main.exception(), this::describeSnippetFrame);
        }
        warnIfNotUsableYet(main);
        return producesValue(snippet) ? new Result(true, outcome.value()) : Result.NONE;
    }

    /**
     * Names a frame that JShell translated to {@code #id:line} after the cell it came from, e.g.
     * {@code fail (cell [3], line 2)}.
     */
    private String describeSnippetFrame(StackTraceElement frame) {
        String file = frame.getFileName();
        Place place = file != null && file.startsWith("#") ? places.get(file.substring(1)) : null;
        String where = place == null
                ? (file == null ? frame.toString() : "snippet " + file + ", line " + frame.getLineNumber())
                : place.label() + ", line " + (place.firstLine() + Math.max(1, frame.getLineNumber()) - 1);
        String method = frame.getMethodName().startsWith("lambda$") ? "lambda" : frame.getMethodName();
        String type = frame.getClassName().isEmpty() || frame.getClassName().startsWith("REPL.")
                ? "" : frame.getClassName() + ".";
        return method.isEmpty() ? where : type + method + " (" + where + ")";
    }

    /** Like IJava: an expression shows its value, a declaration or assignment does not. */
    private static boolean producesValue(Snippet s) {
        return switch (s.kind()) {
            case EXPRESSION -> s.subKind() != Snippet.SubKind.ASSIGNMENT_SUBKIND;
            case VAR -> s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            default -> false;
        };
    }

    private void warnIfNotUsableYet(SnippetEvent event) {
        if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            if (event.snippet() instanceof DeclarationSnippet decl) {
                // System.err is the cell's stderr while a cell runs.
                System.err.println("Note: " + decl.name() + " cannot be used until "
                        + jshell.unresolvedDependencies(decl).collect(Collectors.joining(", "))
                        + " is declared");
            }
        }
    }

    /**
     * Stops the running cell: interrupts its threads, and stops them if they are still running
     * after the grace period. Safe to call from any thread, also when no cell runs.
     */
    public void interrupt() {
        jshell.stop();
    }

    /**
     * Jupyter's is_complete answer: {@link BaseKernel#IS_COMPLETE_YES}, {@link
     * BaseKernel#IS_COMPLETE_BAD}, or an indent (here empty) when more input is needed.
     */
    public String isComplete(String code) {
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return BaseKernel.IS_COMPLETE_YES;
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    remaining = info.remaining();
                    if (remaining.isBlank()) {
                        return BaseKernel.IS_COMPLETE_YES;
                    }
                    break;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "";
                default:
                    return BaseKernel.IS_COMPLETE_BAD;
            }
        }
    }

    /** Completion candidates at {@code cursor}, those matching the expected type first. */
    public ReplacementOptions complete(String code, int cursor) {
        return Inspection.complete(analysis, code, cursor);
    }

    /**
     * Signatures, and with {@code detailed} also javadoc, of what is at {@code cursor}; see {@link
     * Inspection#documentation}.
     */
    public List<String> documentation(String code, int cursor, boolean detailed) {
        return Inspection.documentation(analysis, code, cursor, detailed);
    }

    /** How many recompiled snippet classes kept their loaded version (and so their variables). */
    int keptRedefinitions() {
        return control.keptClasses();
    }

    @Override
    public void close() {
        jshell.close();
    }
}
