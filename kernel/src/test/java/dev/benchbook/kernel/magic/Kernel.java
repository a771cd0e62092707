package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.JShellEvaluator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A real JShell with Benchbook's magics, whose cell output tests can read. */
final class Kernel implements AutoCloseable {
    final JShellEvaluator evaluator = JShellEvaluator.create();
    final Magics magics;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    final MagicSession session;
    final CellRunner cells;

    Kernel(Path workingDirectory, Magics magics) {
        this.magics = magics;
        session = new MagicSession(evaluator, magics, () -> print, workingDirectory);
        cells = new CellRunner(session);
    }

    Kernel(Path workingDirectory) {
        this(workingDirectory, Magics.standard());
    }

    Kernel() {
        this(Path.of(""));
    }

    /** Runs a cell; returns its value (null when none). */
    Object run(String cell) {
        JShellEvaluator.Result r = cells.run(cell, "cell [1]");
        return r.hasValue() ? r.value() : null;
    }

    /** The output since the last call, and forgets it. */
    String output() {
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
