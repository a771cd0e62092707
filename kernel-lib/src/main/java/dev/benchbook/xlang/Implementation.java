package dev.benchbook.xlang;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One implementation of a workload: a source file, how it is built (or not) and how it runs. Made by
 * {@link #of} from a language's default toolchain, or by {@link #custom} from the user's own commands.
 *
 * @param name the implementation's name in tables, unique in a comparison
 * @param language its language; for a custom one, guessed from the source's extension (C when unknown)
 * @param source the source file, absolute
 * @param build the build command, or null when the program runs from its source (Python, JavaScript)
 * @param run the run command
 * @param flags the flags that replaced the language's defaults (empty for custom commands)
 * @param custom true for {@link #custom}
 */
public record Implementation(String name, Language language, Path source, CommandTemplate build,
        CommandTemplate run, List<String> flags, boolean custom) {

    public Implementation {
        flags = List.copyOf(flags);
    }

    /**
     * An implementation built and run with {@code language}'s default toolchain; {@code flags}, when any,
     * replace the default flags (see {@link Language}).
     *
     * @throws IllegalArgumentException if the name is not a valid name or the source is not a file
     */
    public static Implementation of(String name, Language language, Path source, List<String> flags) {
        checkName(name);
        Path src = checkSource(name, source);
        List<String> f = flags == null || flags.isEmpty() ? language.defaultFlags() : flags;
        List<String> build = new ArrayList<>();
        List<String> run = new ArrayList<>();
        switch (language) {
            case C, CPP, RUST -> {
                build.add(language.tool());
                build.addAll(f);
                build.addAll(List.of("-o", "{out}", "{src}"));
                if (language == Language.C) {
                    build.add("-lm");
                }
                run.addAll(List.of("{out}", "{args}"));
            }
            case JAVA -> {
                build.addAll(List.of("javac", "-encoding", "UTF-8", "-d", "{out}", "{src}"));
                run.add("java");
                run.addAll(f);
                run.addAll(List.of("-cp", "{out}", javaClass(src), "{args}"));
            }
            case PYTHON, JAVASCRIPT -> {
                run.add(language.tool());
                run.addAll(f);
                run.addAll(List.of("{src}", "{args}"));
            }
        }
        return new Implementation(name, language, src, build.isEmpty() ? null : CommandTemplate.ofWords(build),
                CommandTemplate.ofWords(run), flags == null ? List.of() : flags, false);
    }

    /**
     * An implementation with the user's own commands, e.g. build {@code gcc -O3 -march=native -o {out} {src}}
     * and run {@code {out} {args}}. The build command may be null or blank for a program that runs from
     * its source.
     *
     * @throws IllegalArgumentException if the name, a command or the source is not valid
     */
    public static Implementation custom(String name, String buildCommand, String runCommand, Path source) {
        checkName(name);
        Path src = checkSource(name, source);
        CommandTemplate build = buildCommand == null || buildCommand.isBlank() ? null
                : CommandTemplate.parse("implementation(\"" + name + "\").buildCommand", buildCommand);
        CommandTemplate run = CommandTemplate.parse("implementation(\"" + name + "\").runCommand", runCommand);
        if (build != null && !build.mentions("{out}")) {
            throw new IllegalArgumentException("implementation(\"" + name + "\").buildCommand \"" + buildCommand
                    + "\" does not mention {out}; write the program to {out}, e.g. \"gcc -O2 -o {out} {src}\"");
        }
        if (build == null && run.mentions("{out}")) {
            throw new IllegalArgumentException("implementation(\"" + name + "\").runCommand \"" + runCommand
                    + "\" uses {out} but there is no build command to make it; add a build command or run {src}");
        }
        return new Implementation(name, guess(src), src, build, run, List.of(), true);
    }

    /** True when a build step makes {@code {out}} before the program runs. */
    public boolean built() {
        return build != null;
    }

    /** True when the program runs on a JIT or an interpreter, whose instruction counts are indicative. */
    public boolean managedRuntime() {
        return language.managedRuntime();
    }

    /** True when {@code {out}} is a directory (Java's classes) rather than one executable. */
    boolean outputIsDirectory() {
        return !custom && language == Language.JAVA;
    }

    /** The Java class a default Java implementation runs: the source file's name without {@code .java}. */
    static String javaClass(Path source) {
        String f = source.getFileName().toString();
        return f.endsWith(".java") ? f.substring(0, f.length() - 5) : f;
    }

    private static Language guess(Path src) {
        String f = src.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = f.lastIndexOf('.');
        String ext = dot < 0 ? "" : f.substring(dot + 1);
        return switch (ext) {
            case "cc", "cpp", "cxx", "c++" -> Language.CPP;
            case "rs" -> Language.RUST;
            case "java" -> Language.JAVA;
            case "py" -> Language.PYTHON;
            case "js", "mjs" -> Language.JAVASCRIPT;
            default -> Language.C;
        };
    }

    static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}")) {
            throw new IllegalArgumentException("implementation name '" + name + "' must be 1 to 64 letters, digits,"
                    + " '_', '.', '+' or '-', starting with a letter or digit, e.g. \"c\" or \"rust-o3\"");
        }
    }

    private static Path checkSource(String name, Path source) {
        if (source == null) {
            throw new IllegalArgumentException("implementation(\"" + name + "\"): the source is null; give its path");
        }
        Path abs = source.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isRegularFile(abs)) {
            throw new IllegalArgumentException("implementation(\"" + name + "\"): the source " + abs
                    + " is not a file; check the path (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        }
        return abs;
    }
}
