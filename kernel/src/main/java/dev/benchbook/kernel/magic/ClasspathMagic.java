package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * {@code %classpath entry...}: adds jars or class directories (also as one {@code a.jar:classes}
 * list, the way {@code java -cp} takes them). Without arguments it lists what cells added.
 */
final class ClasspathMagic implements Magic {
    @Override
    public String name() {
        return "%classpath";
    }

    @Override
    public String help() {
        return "DIR|JAR[" + File.pathSeparator + "...] ... : add class directories or jars to the class path of later"
                + " cells; alone, list what cells added";
    }

    @Override
    public JShellEvaluator.Result run(MagicCall call, MagicSession session) {
        List<String> args = MagicArgs.words(name(), call.args());
        if (args.isEmpty()) {
            List<Path> added = session.addedToClasspath();
            session.out().println(added.isEmpty() ? "No class path entries added by cells yet (see %maven, %jars)."
                    : "Added by cells:\n  " + String.join("\n  ", added.stream().map(Path::toString).toList()));
            return JShellEvaluator.Result.NONE;
        }
        List<Path> entries = new ArrayList<>();
        for (String arg : args) {
            for (String entry : arg.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = session.resolve(entry);
                if (!Files.exists(path)) {
                    throw new MagicError("%classpath " + entry + ": no such file or directory (" + path
                            + "); paths are relative to " + session.workingDirectory());
                }
                if (Files.isRegularFile(path) && !isZip(path)) {
                    throw new MagicError("%classpath " + entry + ": not a jar (it does not open as a zip file);"
                            + " give a .jar or a directory of .class files");
                }
                entries.add(path);
            }
        }
        add(name(), entries, session);
        return JShellEvaluator.Result.NONE;
    }

    /** Adds {@code entries} and prints what was added and what was there already. */
    static void add(String magic, List<Path> entries, MagicSession session) {
        List<String> added = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (Path p : entries) {
            (session.addToClasspath(p) ? added : known).add(p.toString());
        }
        if (!added.isEmpty()) {
            session.out().println("Added to the class path:\n  " + String.join("\n  ", added));
        }
        if (!known.isEmpty()) {
            session.out().println("Already on the class path (added by an earlier cell):\n  " + String.join("\n  ", known));
        }
    }

    private static boolean isZip(Path path) {
        try {
            new ZipFile(path.toFile()).close();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
