package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %load file.java|file.jsh ...}: evaluates source files as if their content were a cell.
 * A {@code .java} file's {@code package} declaration is dropped (JShell has no packages; its
 * classes become notebook classes), and its imports, classes and methods are declared as usual.
 */
final class LoadMagic implements Magic {
    /** A package declaration at the top of a file, after any comments. */
    private static final Pattern PACKAGE = Pattern.compile(
            "\\A((?:\\s|//[^\\n]*\\n|/\\*(?:.|\\n)*?\\*/)*)package\\s+([\\w.]+)\\s*;");

    @Override
    public String name() {
        return "%load";
    }

    @Override
    public String help() {
        return "FILE.java|FILE.jsh ... : evaluate source files as cells (a .java file's package line is dropped;"
                + " paths are relative to the notebook)";
    }

    @Override
    public JShellEvaluator.Result run(MagicCall call, MagicSession session) {
        List<String> files = MagicArgs.words(name(), call.args());
        if (files.isEmpty()) {
            throw new MagicError("%load: no file given; write %load path/to/File.java (or a .jsh script)");
        }
        JShellEvaluator.Result result = JShellEvaluator.Result.NONE;
        for (String file : files) {
            result = load(file, session);
        }
        return result;
    }

    private JShellEvaluator.Result load(String file, MagicSession session) {
        if (!file.endsWith(".java") && !file.endsWith(".jsh")) {
            throw new MagicError("%load " + file + ": only .java and .jsh files can be loaded; rename it or paste"
                    + " its code into a cell");
        }
        Path path = session.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new MagicError("%load " + file + ": no such file (" + path + "); paths are relative to "
                    + session.workingDirectory());
        }
        String source = read(file, path);
        if (file.endsWith(".java")) {
            source = dropPackage(source, file, session);
        }
        return session.evaluator().evalFile(source, path.getFileName().toString());
    }

    /** The source without its package declaration, which is replaced by blanks so that line numbers stay. */
    static String dropPackage(String source, String file, MagicSession session) {
        Matcher m = PACKAGE.matcher(source);
        if (!m.find()) {
            return source;
        }
        String declaration = source.substring(m.end(1), m.end());
        session.out().println("%load " + file + ": dropped 'package " + m.group(2)
                + ";' (JShell has no packages; its classes become notebook classes)");
        return source.substring(0, m.end(1)) + declaration.replaceAll("[^\\n]", " ") + source.substring(m.end());
    }

    private static String read(String file, Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new MagicError("%load " + file + ": not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new MagicError("%load " + file + ": cannot read it (" + e.getMessage() + "); check its permissions");
        }
    }
}
