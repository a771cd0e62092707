package dev.benchbook.xlang;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds compilers and runtimes and probes their versions. A tool named without a slash is looked up on
 * {@code PATH}, then in {@code ~/.cargo/bin} (where rustup installs {@code rustc}, often outside a
 * notebook server's {@code PATH}), then in {@code /usr/local/bin} and {@code /usr/bin}. {@code python3}
 * prefers {@code /usr/bin/python3}, the system interpreter, over version-manager shims on {@code PATH},
 * whose start-up would be timed with the program. Versions are probed once per JVM.
 */
public final class Toolchains {
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    private Toolchains() {}

    /** The executable of {@code tool}, or empty when it is on none of the searched paths. */
    public static Optional<Path> find(String tool) {
        if (tool.contains("/")) {
            Path p = Path.of(tool);
            return Files.isExecutable(p) && !Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> dirs = new ArrayList<>();
        if (tool.equals("python3")) {
            dirs.add(Path.of("/usr/bin"));
        }
        String path = System.getenv("PATH");
        for (String d : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!d.isEmpty()) {
                dirs.add(Path.of(d));
            }
        }
        dirs.add(Path.of(System.getProperty("user.home"), ".cargo", "bin"));
        dirs.add(Path.of("/usr/local/bin"));
        dirs.add(Path.of("/usr/bin"));
        for (Path d : dirs) {
            Path p = d.resolve(tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The first line of the tool's version text ({@code --version}, or {@code -version} for Java's tools,
     * which print it on stderr), e.g. {@code gcc (Debian 12.2.0-14) 12.2.0}; "unknown" when it prints none.
     */
    public static String version(Path executable) {
        return VERSIONS.computeIfAbsent(executable.toString(), k -> probe(executable));
    }

    private static String probe(Path exe) {
        String name = exe.getFileName().toString();
        String flag = name.equals("java") || name.equals("javac") ? "-version" : "--version";
        try {
            Path out = Files.createTempFile("benchbook-version", ".txt");
            try {
                Process p = new ProcessBuilder(exe.toString(), flag).redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "unknown (" + exe + " " + flag + " did not finish in 30 s)";
                }
                String first = Files.readString(out, StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("Picked up")).findFirst().orElse("");
                return first.isEmpty() ? "unknown" : first;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }
}
