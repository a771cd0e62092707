package dev.benchbook.engine;

import dev.benchbook.result.GitState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Reads the git state of a directory when a run starts: commit, branch, dirty, each within a time limit. */
public final class GitProbe {
    /** How long each git command may take before the state is reported as unknown. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitProbe() {}

    /** The state of the JVM's working directory. */
    public static GitState ofWorkingDirectory() {
        return of(Path.of("").toAbsolutePath());
    }

    /**
     * The state of the work tree containing {@code dir}: {@link GitState#NONE} when {@code dir} is
     * not in one, git is missing, or it does not answer in time.
     */
    public static GitState of(Path dir) {
        String commit = git(dir, "rev-parse", "HEAD");
        if (commit == null || !HASH.matcher(commit).matches()) {
            return GitState.NONE;
        }
        String branch = git(dir, "rev-parse", "--abbrev-ref", "HEAD");
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        return new GitState(commit, branch == null || branch.equals("HEAD") ? "" : branch,
                status != null && !status.isEmpty());
    }

    private static String git(Path dir, String... args) {
        Process p = null;
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
