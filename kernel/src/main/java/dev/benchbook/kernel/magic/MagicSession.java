package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.JShellEvaluator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a magic may do with the kernel: evaluate Java in the current cell, extend the class path,
 * print to the cell, resolve paths, list the magics. One per kernel; magics run one at a time.
 */
public final class MagicSession {
    private final JShellEvaluator evaluator;
    private final Magics magics;
    private final Supplier<PrintStream> out;
    private final Path workingDirectory;
    private final Set<Path> added = Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * @param evaluator the kernel's JShell
     * @param magics every magic, for {@code %lsmagic}
     * @param out where the cell's output goes at the time of the call (the kernel swaps {@code System.out})
     * @param workingDirectory what relative paths are relative to (the kernel's, i.e. the notebook's, directory)
     */
    public MagicSession(JShellEvaluator evaluator, Magics magics, Supplier<PrintStream> out, Path workingDirectory) {
        this.evaluator = evaluator;
        this.magics = magics;
        this.out = out;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** A session printing to {@code System.out} as it is when called, relative to the current directory. */
    public static MagicSession of(JShellEvaluator evaluator, Magics magics) {
        return new MagicSession(evaluator, magics, () -> System.out, Path.of(""));
    }

    /** The kernel's JShell, to evaluate Java as part of the current cell. */
    public JShellEvaluator evaluator() {
        return evaluator;
    }

    /** Every magic of the kernel. */
    public Magics magics() {
        return magics;
    }

    /** The cell's standard output. */
    public PrintStream out() {
        return out.get();
    }

    /** The directory relative paths start from. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** {@code path} made absolute against {@link #workingDirectory()}, with {@code ~/} for the home directory. */
    public Path resolve(String path) {
        String p = path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
        return workingDirectory.resolve(p).normalize();
    }

    /** Whether the user interrupted the cell; long magics check it and stop. */
    public boolean stopRequested() {
        return evaluator.stopRequested();
    }

    /**
     * Adds a jar or class directory to the class path of later snippets and of the class loader
     * their code (benchmarks included) runs in.
     *
     * @return false when it was added before, and so nothing was done
     */
    public boolean addToClasspath(Path entry) {
        Path p = entry.toAbsolutePath().normalize();
        if (!added.add(p)) {
            return false;
        }
        evaluator.addToClasspath(p.toString());
        return true;
    }

    /** What {@link #addToClasspath} added in this kernel, in order. */
    public List<Path> addedToClasspath() {
        synchronized (added) {
            return List.copyOf(added);
        }
    }
}
