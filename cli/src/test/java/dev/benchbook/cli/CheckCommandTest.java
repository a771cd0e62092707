package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path tmp;

    @AfterEach
    void resetWork() {
        System.clearProperty(WorkSuite.WORK);
    }

    /** Runs WorkSuite with {@code steps} into {@code file}. */
    private Path run(int steps, String file) {
        System.setProperty(WorkSuite.WORK, Integer.toString(steps));
        Path out = tmp.resolve(file);
        Cli.Result r = new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        return out;
    }

    private Path baselines() {
        return tmp.resolve("baselines");
    }

    private void save(Path run, String name) {
        Cli.Result r = new Cli().run("baseline", "save", name, "--run", run.toString(), "--baselines",
                baselines().toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
    }

    @Test
    void aRunCheckedAgainstItselfPasses() {
        Path run = run(2_000, "run.json");
        save(run, "main");
        Cli.Result r = new Cli().run("check", "--against", "main", "--run", run.toString(), "--baselines",
                baselines().toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("no change") || r.out().contains("no_change"), r.toString());
    }

    @Test
    void aReallySlowerRunExitsOneAndWritesEveryOutput() throws Exception {
        save(run(1_000, "base.json"), "main");
        System.setProperty(WorkSuite.WORK, "30000");
        Path md = tmp.resolve("out/check.md");
        Path html = tmp.resolve("out/check.html");
        Path json = tmp.resolve("out/check.json");
        Path summary = tmp.resolve("step-summary.md");
        Files.writeString(summary, "# earlier step\n");
        Cli.Result r = new Cli().env(ComparisonOutputs.STEP_SUMMARY, summary.toString()).run("check", "--against",
                "main", "--suite", WorkSuite.class.getName(), "--quiet", "--baselines", baselines().toString(),
                "--markdown", md.toString(), "--html", html.toString(), "--json", json.toString());
        assertEquals(ExitCodes.REGRESSION, r.code(), r.toString());
        assertTrue(r.err().contains("a regression at or above major"), r.toString());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals("benchbook-regressions", doc.get("format").asText());
        assertTrue(doc.toString().contains("\"regression\""), doc.toPrettyString());
        String markdown = Files.readString(md);
        assertTrue(markdown.contains("steps"), markdown);
        assertTrue(Files.readString(html).contains("<html"), "an HTML page");
        String appended = Files.readString(summary);
        assertTrue(appended.startsWith("# earlier step\n"), "appended, not replaced");
        assertTrue(appended.contains(markdown.strip()), appended);
    }

    @Test
    void failOnCriticalLetsASmallerSeverityPassButNotThisOne() {
        save(run(1_000, "base.json"), "main");
        Path slow = run(30_000, "slow.json");
        Cli.Result critical = new Cli().run("check", "--against", "main", "--run", slow.toString(), "--fail-on",
                "critical", "--baselines", baselines().toString());
        assertEquals(ExitCodes.REGRESSION, critical.code(), "a 30x slowdown is critical: " + critical);
        Cli.Result faster = new Cli().run("check", "--against", slow.toString(), "--run",
                tmp.resolve("base.json").toString());
        assertEquals(ExitCodes.OK, faster.code(), "an improvement passes: " + faster);
    }

    @Test
    void changedBenchmarkCodeIsReportedNotGatedUnlessAllowed() throws Exception {
        Path before = Compiled.suite(tmp.resolve("before"), 500);
        Path after = Compiled.suite(tmp.resolve("after"), 20_000);
        Path base = tmp.resolve("base.json");
        assertEquals(ExitCodes.OK, new Cli().run("run", "--suite", Compiled.CLASS, "--classpath", before.toString(),
                "--out", base.toString(), "--quiet").code());
        Path run = tmp.resolve("run.json");
        assertEquals(ExitCodes.OK, new Cli().run("run", "--suite", Compiled.CLASS, "--classpath", after.toString(),
                "--out", run.toString(), "--quiet").code());
        Cli.Result changed = new Cli().run("check", "--against", base.toString(), "--run", run.toString());
        assertEquals(ExitCodes.OK, changed.code(), "a changed benchmark is not compared: " + changed);
        assertTrue(changed.out().contains("changed") && changed.out().contains("--allow-changed-code"),
                changed.toString());
        Cli.Result allowed = new Cli().run("check", "--against", base.toString(), "--run", run.toString(),
                "--allow-changed-code");
        assertEquals(ExitCodes.REGRESSION, allowed.code(), allowed.toString());
    }

    @Test
    void aBaselineFromAnotherCpuIsNotComparable() throws Exception {
        Path run = run(2_000, "run.json");
        save(run, "main");
        Path file = baselines().resolve("main.json");
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(file.toFile());
        ((ObjectNode) doc.get("environment").get("host")).put("cpu_model", "Imaginary CPU 9000");
        if (doc.has("baseline") && doc.get("baseline").has("hard")) {
            ((ObjectNode) doc.get("baseline").get("hard")).put("cpu_model", "Imaginary CPU 9000");
        }
        m.writeValue(file.toFile(), doc);
        Cli.Result r = new Cli().run("check", "--against", "main", "--run", run.toString(), "--baselines",
                baselines().toString());
        assertEquals(ExitCodes.NOT_COMPARABLE, r.code(), r.toString());
        assertTrue(r.err().contains("cpu_model") && r.err().contains("--allow-incomparable"), r.toString());
        Cli.Result allowed = new Cli().run("check", "--against", "main", "--run", run.toString(), "--baselines",
                baselines().toString(), "--allow-incomparable");
        assertEquals(ExitCodes.OK, allowed.code(), allowed.toString());
    }

    @Test
    void aFailedBenchmarkExitsFour() {
        Path run = tmp.resolve("failing.json");
        assertEquals(ExitCodes.BENCHMARK_FAILED, new Cli().run("run", "--suite", FailingSuite.class.getName(), "--out",
                run.toString(), "--quiet").code());
        save(run, "main");
        Cli.Result r = new Cli().run("check", "--against", "main", "--run", run.toString(), "--baselines",
                baselines().toString());
        assertEquals(ExitCodes.BENCHMARK_FAILED, r.code(), r.toString());
        assertTrue(r.err().contains("boom failed"), r.toString());
    }

    @Test
    void aMissingBaselineSaysHowToSaveOne() {
        Path run = run(2_000, "run.json");
        Cli.Result r = new Cli().run("check", "--against", "main", "--run", run.toString(), "--baselines",
                baselines().toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("baseline 'main' does not exist") && r.err().contains("benchbook baseline save main"),
                r.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        Path run = run(2_000, "run.json");
        Cli.Result neither = new Cli().run("check", "--against", "main");
        assertEquals(ExitCodes.USAGE, neither.code());
        assertTrue(neither.err().contains("--run FILE") && neither.err().contains("--suite SUITE"), neither.toString());
        Cli.Result both = new Cli().run("check", "--against", "main", "--run", run.toString(), "--suite", "sorting");
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("give one of them"), both.toString());
        Cli.Result severity = new Cli().run("check", "--against", "main", "--run", run.toString(), "--fail-on", "big");
        assertEquals(ExitCodes.USAGE, severity.code());
        assertTrue(severity.err().contains("--fail-on big: must be minor, major or critical"), severity.toString());
        Cli.Result file = new Cli().run("check", "--against", tmp.resolve("none.json").toString(), "--run",
                run.toString());
        assertEquals(ExitCodes.USAGE, file.code());
        assertTrue(file.err().contains("--against " + tmp.resolve("none.json") + ": no such file"), file.toString());
        Cli.Result hook = new Cli().run("check", "--against", "main", "--run", run.toString(), "--webhook", "ftp://x");
        assertEquals(ExitCodes.USAGE, hook.code());
        assertTrue(hook.err().contains("--webhook ftp://x: must be an http:// or https:// URL"), hook.toString());
    }

    @Test
    void formatJsonPutsOnlyTheComparisonOnStdout() throws Exception {
        Path run = run(2_000, "run.json");
        save(run, "main");
        Cli.Result r = new Cli().run("check", "--against", "main", "--run", run.toString(), "--baselines",
                baselines().toString(), "--format", "json");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("benchbook-regressions", doc.get("format").asText());
        assertFalse(r.out().contains("check:"), "messages stay on stderr");
    }
}
