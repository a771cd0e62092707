package dev.benchbook.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The native rusage runner, {@code benchbook-rusage}: a tiny C program (the resource {@code
 * benchbook-rusage.c}, which documents its protocol and exit codes) that forks, execs a program and
 * reports that child's own wall, user and system time and peak resident set, none of which Java's
 * Process API gives per child. It is compiled on first use with {@code cc -O2} (or {@code gcc}) into
 * {@code $XDG_CACHE_HOME/benchbook} (default {@code ~/.cache/benchbook}), under a name holding a hash
 * of the source, so a changed source rebuilds and every later JVM reuses the build. The build is
 * written to a temporary name and moved into place, so concurrent JVMs never run half a file.
 *
 * <p>Built at most once per instance; {@link #shared()} is the one instance of the JVM. Without a
 * compiler, or when the build fails, {@link #executable()} is empty and {@link #reason()} says why.
 * Thread-safe.
 */
final class NativeRusage {
    static final String SOURCE = "benchbook-rusage.c";
    private static final List<String> COMPILERS = List.of("cc", "gcc");
    private static final long COMPILE_TIMEOUT_S = 120;
    /** The keys of a result line, in the order the runner writes them. */
    static final List<String> KEYS = List.of("wall_ns", "user_ns", "sys_ns", "maxrss_bytes", "status");

    private static final class Shared {
        static final NativeRusage INSTANCE = new NativeRusage(defaultCacheDir(), COMPILERS);
    }

    private final Path cacheDir;
    private final List<String> compilers;
    private volatile Build build;
    private int compilations;

    /** The build and, when there is none, why. */
    private record Build(Path executable, String reason) {}

    /**
     * @param cacheDir where the executable is built and looked up
     * @param compilers C compilers to try in order: names looked up on {@code PATH}, or paths
     */
    NativeRusage(Path cacheDir, List<String> compilers) {
        this.cacheDir = cacheDir;
        this.compilers = List.copyOf(compilers);
    }

    /** The JVM's runner, cached in the default directory and built with {@code cc} or {@code gcc}. */
    static NativeRusage shared() {
        return Shared.INSTANCE;
    }

    /** {@code $XDG_CACHE_HOME/benchbook} when that is set to an absolute path, else {@code ~/.cache/benchbook}. */
    static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "benchbook");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "benchbook");
    }

    /** The runner's executable, built on the first call; empty when it cannot be built (see {@link #reason()}). */
    Optional<Path> executable() {
        return Optional.ofNullable(build().executable());
    }

    /** Why there is no runner, e.g. {@code "unsupported: no C compiler (cc or gcc) ..."}; empty when there is one. */
    String reason() {
        return build().reason();
    }

    /** How many times this instance ran the compiler: 0 when it reused a cached build. */
    synchronized int compilations() {
        return compilations;
    }

    private Build build() {
        Build b = build;
        if (b == null) {
            synchronized (this) {
                b = build;
                if (b == null) {
                    b = load();
                    build = b;
                }
            }
        }
        return b;
    }

    private Build load() {
        byte[] source;
        try (InputStream in = NativeRusage.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                return new Build(null, "unsupported: the rusage runner's source " + SOURCE
                        + " is missing from the classpath; rebuild benchbook");
            }
            source = in.readAllBytes();
        } catch (IOException e) {
            return new Build(null, "unsupported: cannot read " + SOURCE + " (" + e.getMessage() + ")");
        }
        Path exe = cacheDir.resolve("benchbook-rusage-" + hash(source));
        if (Files.isExecutable(exe)) {
            String check = check(exe);
            if (check.isEmpty()) {
                return new Build(exe, "");
            }
            try {
                Files.deleteIfExists(exe);
            } catch (IOException e) {
                return new Build(null, "unsupported: the cached rusage runner " + exe + " " + check
                        + " and cannot be deleted (" + e.getMessage() + "); delete it by hand");
            }
        }
        Optional<Path> compiler = compilers.stream().map(NativeRusage::onPath).flatMap(Optional::stream).findFirst();
        if (compiler.isEmpty()) {
            return new Build(null, "unsupported: no C compiler (" + String.join(" or ", compilers)
                    + ") to build the rusage runner; install gcc");
        }
        String failure = compile(compiler.get(), source, exe);
        if (!failure.isEmpty()) {
            return new Build(null, failure);
        }
        String check = check(exe);
        return check.isEmpty() ? new Build(exe, "")
                : new Build(null, "unsupported: the rusage runner built at " + exe + " " + check);
    }

    /** Compiles {@code source} to {@code exe} through a temporary name; "" on success, else the reason. */
    private String compile(Path cc, byte[] source, Path exe) {
        Path src = null;
        Path tmp = null;
        try {
            Files.createDirectories(cacheDir);
            src = Files.createTempFile(cacheDir, "benchbook-rusage-", ".c");
            Files.write(src, source);
            tmp = Files.createTempFile(cacheDir, "benchbook-rusage-", ".tmp");
            Path log = Files.createTempFile(cacheDir, "benchbook-rusage-", ".log");
            List<String> argv = List.of(cc.toString(), "-O2", "-o", tmp.toString(), src.toString());
            String output;
            int exit;
            try {
                synchronized (this) {
                    compilations++;
                }
                Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!p.waitFor(COMPILE_TIMEOUT_S, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "unsupported: building the rusage runner with " + cc + " took over " + COMPILE_TIMEOUT_S
                            + " s and was stopped; check the compiler";
                }
                exit = p.exitValue();
                output = Files.readString(log, StandardCharsets.UTF_8).strip();
            } finally {
                Files.deleteIfExists(log);
            }
            if (exit != 0) {
                return "unsupported: the rusage runner did not compile (`" + String.join(" ", argv) + "` exited with "
                        + exit + (output.isEmpty() ? "" : ": " + firstLines(output)) + "); check the C compiler";
            }
            Files.move(tmp, exe, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return "";
        } catch (IOException e) {
            return "unsupported: cannot build the rusage runner in " + cacheDir + " (" + e + "); make it writable "
                    + "or set XDG_CACHE_HOME to a writable directory";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unsupported: building the rusage runner was interrupted";
        } finally {
            deleteQuietly(src);
            deleteQuietly(tmp);
        }
    }

    /**
     * Runs the runner on itself without arguments (the child prints its usage and exits 2): "" when it
     * reports exactly that, else what went wrong, e.g. "does not run (...)".
     */
    private static String check(Path exe) {
        Path result = null;
        try {
            result = Files.createTempFile("benchbook-rusage", ".check");
            Process p = new ProcessBuilder(exe.toString(), result.toString(), exe.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not finish its self-check within 30 s";
            }
            String line = Files.readString(result, StandardCharsets.UTF_8).strip();
            Map<String, Long> r = parse(line);
            return p.exitValue() == 0 && r != null && r.get("status") == 2 ? ""
                    : "failed its self-check (exit " + p.exitValue() + ", result '" + line + "')";
        } catch (IOException e) {
            return "does not run (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "was interrupted in its self-check";
        } finally {
            deleteQuietly(result);
        }
    }

    /** The figures the runner writes, the line's keys to numbers; null when the line is not one of its results. */
    static Map<String, Long> parse(String line) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (String field : line.strip().split("\\s+")) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            try {
                m.put(field.substring(0, eq), Long.parseLong(field.substring(eq + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return m.keySet().containsAll(KEYS) ? m : null;
    }

    /** A compiler given by name is looked up on {@code PATH}; one given as a path is taken as is. */
    private static Optional<Path> onPath(String compiler) {
        if (compiler.contains("/")) {
            Path p = Path.of(compiler);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        List<Path> found = new ArrayList<>();
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, compiler);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    found.add(p);
                }
            }
        }
        return found.stream().findFirst();
    }

    /** The first 16 hex digits of SHA-256 over the source and the platform it is built for. */
    private static String hash(byte[] source) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(source);
            md.update((System.getProperty("os.name") + "/" + System.getProperty("os.arch"))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String firstLines(String output) {
        String one = String.join(" | ", output.lines().limit(3).toList());
        return one.length() > 500 ? one.substring(0, 500) + "..." : one;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temporary file in the cache directory is harmless
            }
        }
    }
}
