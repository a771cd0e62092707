package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %jars path...}: adds local jar files to the class path of later cells and of the loader
 * their benchmarks run in. A path may end in a glob ({@code lib/*.jar}).
 */
final class JarsMagic implements Magic {
    @Override
    public String name() {
        return "%jars";
    }

    @Override
    public String help() {
        return "PATH.jar ... : add local jars (globs such as lib/*.jar allowed) to the class path of later cells";
    }

    @Override
    public JShellEvaluator.Result run(MagicCall call, MagicSession session) {
        List<String> args = MagicArgs.words(name(), call.args());
        if (args.isEmpty()) {
            throw new MagicError("%jars: no jar given; write %jars path/to/lib.jar (or lib/*.jar)");
        }
        List<Path> jars = new ArrayList<>();
        for (String arg : args) {
            jars.addAll(expand(arg, session));
        }
        ClasspathMagic.add(name(), jars, session);
        return JShellEvaluator.Result.NONE;
    }

    private static List<Path> expand(String arg, MagicSession session) {
        Path path = session.resolve(arg);
        String fileName = path.getFileName() == null ? "" : path.getFileName().toString();
        if (fileName.contains("*") || fileName.contains("?") || fileName.contains("[")) {
            List<Path> found = new ArrayList<>();
            Path dir = path.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, fileName)) {
                    ds.forEach(p -> {
                        if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                            found.add(p);
                        }
                    });
                } catch (IOException | IllegalArgumentException e) {
                    throw new MagicError("%jars " + arg + ": cannot list " + dir + " (" + e.getMessage() + ")");
                }
            }
            if (found.isEmpty()) {
                throw new MagicError("%jars " + arg + ": no jar matches " + path + "; check the directory and pattern");
            }
            found.sort(null);
            return found;
        }
        if (!Files.isRegularFile(path)) {
            throw new MagicError("%jars " + arg + ": no such file (" + path + "); paths are relative to "
                    + session.workingDirectory() + (Files.isDirectory(path) ? "; for a class directory use %classpath" : ""));
        }
        if (!fileName.endsWith(".jar")) {
            throw new MagicError("%jars " + arg + ": not a .jar file; for class directories use %classpath");
        }
        return List.of(path);
    }
}
