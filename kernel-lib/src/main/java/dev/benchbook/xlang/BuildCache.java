package dev.benchbook.xlang;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Untimed builds, cached by a hash of the source's bytes, the build command and the toolchain (each tool's
 * path and version line): the same inputs are built once, on this machine, ever. A build runs in a fresh
 * folder beside its final place and is renamed into place only when the compiler succeeded, so a killed
 * build leaves no half-written entry, and two processes building the same thing at once both end with a
 * complete one. The default folder is {@code $XDG_CACHE_HOME/benchbook/xlang}, else
 * {@code ~/.cache/benchbook/xlang}.
 */
public final class BuildCache {
    /** Longest a build may take before it is stopped and reported as failed. */
    public static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final Path root;

    /** A cache in {@code root}, created when first used. */
    public BuildCache(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** The cache in the default folder. */
    public static BuildCache defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new BuildCache(base.resolve("benchbook").resolve("xlang"));
    }

    /** The cache's folder. */
    public Path root() {
        return root;
    }

    /**
     * A finished build.
     *
     * @param out the program ({@code {out}}): a file, or a folder of classes for Java
     * @param key the cache key (hex SHA-256)
     * @param cached true when it was built before and reused
     * @param buildNs how long the build took now (0 when cached)
     */
    public record Build(Path out, String key, boolean cached, long buildNs) {}

    /** A build that failed: the message holds the command and the compiler's stderr. */
    public static final class BuildFailedException extends Exception {
        BuildFailedException(String message) {
            super(message);
        }
    }

    /**
     * Builds {@code impl} with {@code toolchain}, or returns the cached build of the same inputs.
     *
     * @throws BuildFailedException if the compiler fails or exceeds {@link #BUILD_TIMEOUT}
     * @throws IOException if the cache cannot be written
     */
    public Build build(Implementation impl, Toolchain toolchain)
            throws BuildFailedException, IOException, InterruptedException {
        String key = key(impl, toolchain);
        Path entry = root.resolve(key);
        Path out = entry.resolve(impl.outputIsDirectory() ? "classes" : "program");
        if (Files.exists(out)) {
            return new Build(out, key, true, 0);
        }
        Files.createDirectories(root);
        Path work = Files.createTempDirectory(root, key.substring(0, 12) + ".building-");
        try {
            Path workOut = work.resolve(out.getFileName().toString());
            if (impl.outputIsDirectory()) {
                Files.createDirectories(workOut);
            }
            List<String> argv = toolchain.locate(impl.build().expand(
                    Map.of("src", impl.source().toString(), "out", workOut.toString()), List.of()),
                    impl.build().words().get(0));
            Path log = work.resolve("build.log");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(argv).directory(impl.source().getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new BuildFailedException("the build of " + impl.name() + " (" + String.join(" ", argv)
                        + ") did not finish in " + BUILD_TIMEOUT.toMinutes() + " min; it was stopped");
            }
            long took = System.nanoTime() - t0;
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new BuildFailedException("the build of " + impl.name() + " failed (exit " + p.exitValue()
                        + "): " + String.join(" ", argv) + "\n" + tail(output));
            }
            if (!Files.exists(workOut) || impl.outputIsDirectory() && isEmpty(workOut)) {
                throw new BuildFailedException("the build of " + impl.name() + " succeeded but wrote nothing to {out}"
                        + " (" + workOut + "): " + String.join(" ", argv) + "; make the command write its program"
                        + " to {out}" + (output.isEmpty() ? "" : "\n" + tail(output)));
            }
            Files.writeString(work.resolve("command.txt"), String.join(" ", argv) + "\n" + toolchain.description()
                    + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(work, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another process finished the same build first; its entry is complete
                deleteTree(work);
            } catch (IOException e) {
                if (!Files.exists(out)) {
                    throw e;
                }
                deleteTree(work);
            }
            return new Build(out, key, false, took);
        } finally {
            if (Files.exists(work)) {
                deleteTree(work);
            }
        }
    }

    /** The cache key of {@code impl} built by {@code toolchain}. */
    public static String key(Implementation impl, Toolchain toolchain) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, "benchbook-xlang-build-1");
            update(md, impl.language().name());
            update(md, String.join("\u0000", impl.build() == null ? List.of() : impl.build().words()));
            update(md, impl.outputIsDirectory() ? "dir" : "file");
            for (String tool : toolchain.tools().keySet().stream().sorted().toList()) {
                Path exe = toolchain.tools().get(tool);
                update(md, tool + "=" + exe + "=" + Toolchains.version(exe));
            }
            md.update(Files.readAllBytes(impl.source()));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static String tail(String text) {
        return text.length() <= 4000 ? text : "...\n" + text.substring(text.length() - 4000);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
