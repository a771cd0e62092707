package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed command as a process: {@code $BENCHBOOK_CLI} or {@code /usr/local/bin/benchbook}, written by
 * scripts/install-cli.sh (scripts/test.sh runs it before the integration tests). Fails when it is missing.
 */
class CliIT {
    static Path benchbook;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findTheCommand() {
        String env = System.getenv("BENCHBOOK_CLI");
        benchbook = Path.of(env == null || env.isBlank() ? "/usr/local/bin/benchbook" : env);
        assertTrue(Files.isExecutable(benchbook), benchbook + " is not installed; run `bash scripts/install-cli.sh` "
                + "(as root) after the Maven build, or set BENCHBOOK_CLI");
    }

    record Run(int code, String out, String err) {}

    private Run benchbook(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(benchbook.toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "benchbook " + cmd + " finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theInstalledCommandRunsChecksAndGates() throws Exception {
        Run version = benchbook("--version");
        assertEquals(0, version.code(), version.toString());
        assertTrue(version.out().startsWith("benchbook "), version.toString());

        Path run = tmp.resolve("run.json");
        Run r = benchbook("run", "--suite", "sorting", "--warmup", "1", "--iterations", "2", "--iteration-time", "5ms",
                "--forks", "1", "--out", run.toString(), "--save-baseline", "main", "--baselines",
                tmp.resolve("baselines").toString(), "--quiet", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("benchbook-run", doc.get("format").asText());
        assertEquals("fork", doc.get("runs").get(0).get("runner").asText(), "forks start from the installed jars");
        assertTrue(r.err().contains("saved baseline 'main'"), r.toString());

        Run pass = benchbook("check", "--against", "main", "--run", run.toString(), "--baselines",
                tmp.resolve("baselines").toString());
        assertEquals(0, pass.code(), pass.toString());
        Run missing = benchbook("check", "--against", "release", "--run", run.toString(), "--baselines",
                tmp.resolve("baselines").toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("benchbook baseline save release"), missing.toString());
        Run bad = benchbook("check", "--fail-on");
        assertEquals(2, bad.code(), bad.toString());
    }
}
