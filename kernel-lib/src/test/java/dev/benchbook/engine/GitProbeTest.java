package dev.benchbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.result.GitState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitProbeTest {
    @Test
    void outsideAWorkTreeTheStateIsNone(@TempDir Path dir) {
        assertEquals(GitState.NONE, GitProbe.of(dir));
    }

    @Test
    void readsCommitBranchAndDirtinessOfAFreshRepository(@TempDir Path dir) throws Exception {
        run(dir, "git", "init", "-q", "-b", "trunk");
        Files.writeString(dir.resolve("a.txt"), "one");
        run(dir, "git", "add", "a.txt");
        run(dir, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
        GitState clean = GitProbe.of(dir);
        assertTrue(Pattern.matches("[0-9a-f]{40}", clean.commit()), clean.commit());
        assertEquals("trunk", clean.branch());
        assertFalse(clean.dirty());
        Files.writeString(dir.resolve("a.txt"), "two");
        GitState dirty = GitProbe.of(dir);
        assertEquals(clean.commit(), dirty.commit());
        assertTrue(dirty.dirty());
        assertTrue(dirty.describe().endsWith("+dirty"), dirty.describe());
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
