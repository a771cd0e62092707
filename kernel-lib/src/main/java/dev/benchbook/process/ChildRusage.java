package dev.benchbook.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of a program as a child process, measured for that child alone by the native rusage runner
 * ({@code benchbook-rusage}, the same one {@link ProcessRunner} uses): wall time from fork to exit, the
 * child's user and system CPU and its peak resident set from {@code wait4}. The program runs as an
 * argument vector (no shell), with stdin, stdout and stderr redirected to files.
 */
public final class ChildRusage {
    private ChildRusage() {}

    /** What one run measured. {@code exit} is the program's exit code, or 128 + the signal that ended it. */
    public record Usage(long wallNs, long userNs, long sysNs, long peakRssBytes, int exit, boolean timedOut) {}

    /** The runner's executable, built on first use; empty when it cannot be built (see {@link #reason()}). */
    public static Optional<Path> runner() {
        return NativeRusage.shared().executable();
    }

    /** Why there is no runner; empty when there is one. */
    public static String reason() {
        return NativeRusage.shared().reason();
    }

    /**
     * Runs {@code argv} once through the runner.
     *
     * @param argv the program and its arguments
     * @param directory working directory, or null for this JVM's
     * @param environment the child's whole environment when {@code replaceEnvironment}, else additions to this JVM's
     * @param stdin a file for stdin, or null for the null device
     * @param stdout the file stdout is written to
     * @param stderr the file stderr is written to
     * @param timeout the longest the run may take; it is killed beyond that ({@code timedOut})
     * @throws IOException when the program cannot be executed (the errno text) or there is no runner
     */
    public static Usage run(List<String> argv, Path directory, Map<String, String> environment,
            boolean replaceEnvironment, Path stdin, Path stdout, Path stderr, Duration timeout)
            throws IOException, InterruptedException {
        Path runner = runner().orElseThrow(() -> new IOException(reason()));
        Path usage = Files.createTempFile("benchbook-child", ".rusage");
        try {
            List<String> full = new ArrayList<>();
            full.add(runner.toString());
            full.add(usage.toString());
            full.addAll(argv);
            ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                            : ProcessBuilder.Redirect.from(stdin.toFile()));
            if (directory != null) {
                pb.directory(directory.toFile());
            }
            if (replaceEnvironment) {
                pb.environment().clear();
            }
            pb.environment().putAll(environment);
            Process p = pb.start();
            boolean exited;
            try {
                exited = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                kill(p);
                throw e;
            }
            if (!exited) {
                kill(p);
                return new Usage(timeout.toNanos(), 0, 0, 0, -1, true);
            }
            String line = Files.readString(usage, StandardCharsets.UTF_8).strip();
            if (p.exitValue() == 127 && line.isEmpty()) {
                String why = Files.readString(stderr, StandardCharsets.UTF_8).strip();
                String prefix = "benchbook-rusage: cannot execute " + argv.get(0) + ": ";
                throw new IOException("cannot execute " + argv.get(0) + ": "
                        + (why.startsWith(prefix) ? why.substring(prefix.length()) : why));
            }
            Map<String, Long> r = NativeRusage.parse(line);
            if (p.exitValue() != 0 || r == null) {
                throw new IOException("the rusage runner " + runner + " failed (exit " + p.exitValue() + ", result '"
                        + line + "')");
            }
            return new Usage(Math.max(1, r.get("wall_ns")), r.get("user_ns"), r.get("sys_ns"), r.get("maxrss_bytes"),
                    (int) (long) r.get("status"), false);
        } finally {
            Files.deleteIfExists(usage);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
