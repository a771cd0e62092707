package dev.benchbook.xlang;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools an implementation needs, found on this machine, with their exact versions: the compiler and
 * the runtime for Java, the compiler for C, C++ and Rust, the interpreter for Python and JavaScript, and
 * for custom commands the first word of each command when it names a program.
 *
 * @param tools each tool's name as written and its executable, in first-use order
 * @param versions each executable's version line
 * @param description one line for tables: the versions, then the flags, e.g.
 *     {@code gcc (Debian 12.2.0-14) 12.2.0 | -O2}
 */
public record Toolchain(Map<String, Path> tools, Map<String, String> versions, String description) {

    /** Why a tool is missing: thrown by {@link #resolve} with the message for the user. */
    public static final class MissingToolException extends Exception {
        MissingToolException(String message) {
            super(message);
        }
    }

    /**
     * Finds every tool {@code impl} needs.
     *
     * @throws MissingToolException naming the tool, e.g. "rustc not found; install rustc or drop the rust
     *     implementation"
     */
    public static Toolchain resolve(Implementation impl) throws MissingToolException {
        Map<String, Path> tools = new LinkedHashMap<>();
        List<CommandTemplate> commands = new ArrayList<>();
        if (impl.build() != null) {
            commands.add(impl.build());
        }
        commands.add(impl.run());
        for (CommandTemplate c : commands) {
            String first = c.words().get(0);
            if (first.contains("{") || tools.containsKey(first)) {
                continue;
            }
            Optional<Path> exe = Toolchains.find(first);
            if (exe.isEmpty()) {
                throw new MissingToolException(first + " not found; install " + first + " or drop the "
                        + impl.name() + " implementation");
            }
            tools.put(first, exe.get());
        }
        if (!impl.custom() && impl.language() == Language.JAVA && tools.containsKey("javac")) {
            // The runtime of the same JDK as the compiler, so class files and runtime versions agree.
            try {
                Path java = tools.get("javac").toRealPath().resolveSibling("java");
                if (java.toFile().canExecute()) {
                    tools.put("java", java);
                }
            } catch (IOException e) {
                // keep the java found on the path
            }
        }
        Map<String, String> versions = new LinkedHashMap<>();
        StringBuilder d = new StringBuilder();
        for (Map.Entry<String, Path> t : tools.entrySet()) {
            String v = Toolchains.version(t.getValue());
            if (versions.containsValue(v)) {
                continue;
            }
            versions.put(t.getKey(), v);
            if (d.length() > 0) {
                d.append("; ");
            }
            d.append(v);
        }
        if (impl.custom()) {
            d.append(" | build: ").append(impl.build() == null ? "none" : impl.build().text())
                    .append(" | run: ").append(impl.run().text());
        } else {
            List<String> flags = impl.flags().isEmpty() ? impl.language().defaultFlags() : impl.flags();
            d.append(" | ").append(flags.isEmpty() ? "default flags" : String.join(" ", flags));
        }
        return new Toolchain(Map.copyOf(tools), Map.copyOf(versions), d.toString());
    }

    /** {@code command}'s words with a tool name in first place replaced by its executable. */
    List<String> locate(List<String> argv, String firstWordAsWritten) {
        Path exe = tools.get(firstWordAsWritten);
        if (exe == null) {
            return argv;
        }
        List<String> out = new ArrayList<>(argv);
        out.set(0, exe.toString());
        return out;
    }
}
