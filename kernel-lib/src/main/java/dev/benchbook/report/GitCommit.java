package dev.benchbook.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The git commit a report was made at: {@code git rev-parse HEAD} in a directory, with a time limit. */
final class GitCommit {
    /** What a report shows when there is no commit: not a git work tree, no git, or git too slow. */
    static final String UNKNOWN = "unknown";
    /** How long {@code git rev-parse HEAD} may take before the commit is reported as unknown. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitCommit() {}

    /** The commit checked out in the JVM's working directory, or {@value #UNKNOWN}. */
    static String ofWorkingDirectory() {
        return of(Path.of("").toAbsolutePath(), TIMEOUT);
    }

    /**
     * The full hash of {@code HEAD} in {@code dir}, or {@value #UNKNOWN} if {@code dir} is not in a
     * git work tree, git is not installed, or it does not answer within {@code timeout}.
     */
    static String of(Path dir, Duration timeout) {
        Process p = null;
        try {
            p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return UNKNOWN;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && HASH.matcher(out).matches() ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
