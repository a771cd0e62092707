package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.Results;
import dev.benchbook.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runWritesTheRunFileAndPrintsTheHeadline() {
        Path out = tmp.resolve("run.json");
        Cli.Result r = new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        Results back = Results.read(out);
        assertEquals("work", back.result().suite().name());
        assertEquals(Status.OK, back.result().runs().get(0).status());
        assertEquals(8, back.result().runs().get(0).measured().size(), "the suite's 8 iterations");
        assertTrue(r.out().contains("steps"), r.toString());
        assertTrue(r.err().contains("wrote " + out), r.toString());
    }

    @Test
    void formatJsonPutsTheRunFileAndNothingElseOnStdout() throws Exception {
        Path out = tmp.resolve("run.json");
        Cli.Result r = new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", out.toString(),
                "--format", "json", "--iterations", "3");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("benchbook-run", doc.get("format").asText());
        assertEquals(r.out().strip(), Files.readString(out).strip(), "stdout is the run file");
        assertEquals(3, Results.read(out).result().runs().get(0).measured().size(), "--iterations applied");
    }

    @Test
    void aThrowingBenchmarkExitsFourAndStillWritesTheRun() {
        Path out = tmp.resolve("run.json");
        Cli.Result r = new Cli().run("run", "--suite", FailingSuite.class.getName(), "--out", out.toString(),
                "--quiet");
        assertEquals(ExitCodes.BENCHMARK_FAILED, r.code(), r.toString());
        assertTrue(r.err().contains("boom failed") && r.err().contains("boom on purpose"), r.toString());
        assertEquals(2, Results.read(out).result().runs().size());
    }

    @Test
    void aTimeoutOrAFailedForkAlsoExitsFour() {
        Cli.Result timeout = new Cli().run("run", "--suite", StuckSuite.class.getName(), "--out",
                tmp.resolve("stuck.json").toString(), "--quiet");
        assertEquals(ExitCodes.BENCHMARK_FAILED, timeout.code(), timeout.toString());
        assertTrue(timeout.err().contains("sleepy timed_out"), timeout.toString());
        Cli.Result fork = new Cli().run("run", "--suite", BadForkSuite.class.getName(), "--out",
                tmp.resolve("fork.json").toString(), "--quiet");
        assertEquals(ExitCodes.BENCHMARK_FAILED, fork.code(), fork.toString());
        assertTrue(fork.err().contains("never failed") && fork.err().contains("fork 1"), fork.toString());
    }

    @Test
    void aSuiteIsFoundByTheNameItsJarListsInMetaInfServices() throws Exception {
        Path classes = Compiled.suite(tmp.resolve("ext"), 500);
        Path services = classes.resolve("META-INF/services/dev.benchbook.spec.SuiteFactory");
        Files.createDirectories(services.getParent());
        Files.writeString(services, Compiled.CLASS + "\n");
        Path out = tmp.resolve("run.json");
        Cli.Result r = new Cli().run("run", "--suite", "ext", "--classpath", classes.toString(), "--out",
                out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals("ext", Results.read(out).result().suite().name());
        Cli.Result other = new Cli().run("run", "--suite", "nope", "--classpath", classes.toString());
        assertEquals(ExitCodes.USAGE, other.code());
        assertTrue(other.err().contains("suites listed in META-INF/services: ext"), other.toString());
    }

    @Test
    void saveBaselineWritesTheBaselineFile() {
        Path dir = tmp.resolve("baselines");
        Cli.Result r = new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out",
                tmp.resolve("run.json").toString(), "--save-baseline", "main", "--baselines", dir.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(Files.isRegularFile(dir.resolve("main.json")));
    }

    @Test
    void aBadBaselineNameFailsBeforeRunning() {
        Path out = tmp.resolve("run.json");
        Cli.Result r = new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", out.toString(),
                "--save-baseline", ".hidden", "--baselines", tmp.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("baseline name \".hidden\"") && r.err().contains("e.g. main"), r.toString());
        assertFalse(Files.exists(out), "nothing ran");
    }

    @Test
    void anUnknownSuiteNamesTheFlagAndTheFix() {
        Cli.Result r = new Cli().run("run", "--suite", "com.acme.NoSuchSuite");
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--suite com.acme.NoSuchSuite") && r.err().contains("--classpath")
                && r.err().contains("sorting"), r.toString());
    }

    @Test
    void aClassThatIsNoSuiteFactoryIsRefused() {
        Cli.Result r = new Cli().run("run", "--suite", "java.lang.String");
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("does not implement dev.benchbook.spec.SuiteFactory"), r.toString());
    }

    @Test
    void badValuesExitTwoNamingTheFlag() {
        Cli.Result negative = new Cli().run("run", "--suite", WorkSuite.class.getName(), "--forks", "-1");
        assertEquals(ExitCodes.USAGE, negative.code(), negative.toString());
        assertTrue(negative.err().contains("--forks -1: must be >= 0"), negative.toString());
        Cli.Result notInt = new Cli().run("run", "--suite", "sorting", "--forks", "many");
        assertEquals(ExitCodes.USAGE, notInt.code());
        assertTrue(notInt.err().contains("'--forks'") && notInt.err().contains("--help"), notInt.toString());
        Cli.Result unknown = new Cli().run("run", "--suite", "sorting", "--iteratoins", "3");
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("--iteratoins") && unknown.err().contains("--iterations"), unknown.toString());
        Cli.Result duration = new Cli().run("run", "--suite", "sorting", "--max-time", "2 hours");
        assertEquals(ExitCodes.USAGE, duration.code());
        assertTrue(duration.err().contains("'--max-time'") && duration.err().contains("e.g. 500ms"), duration.toString());
        Cli.Result format = new Cli().run("run", "--suite", "sorting", "--format", "xml");
        assertEquals(ExitCodes.USAGE, format.code());
        assertTrue(format.err().contains("--format") && format.err().contains("json"), format.toString());
    }

    @Test
    void aMissingClasspathEntryIsNamed() {
        Cli.Result r = new Cli().run("run", "--suite", Compiled.CLASS, "--classpath", tmp.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("entry " + tmp.resolve("nope") + " does not exist"), r.toString());
    }

    @Test
    void aSuiteOnClasspathRunsInThisJvmAndInAFork() throws Exception {
        Path classes = Compiled.suite(tmp.resolve("ext"), 500);
        Path out = tmp.resolve("run.json");
        Cli.Result inProcess = new Cli().run("run", "--suite", Compiled.CLASS, "--classpath", classes.toString(),
                "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, inProcess.code(), inProcess.toString());
        assertEquals("ext", Results.read(out).result().suite().name());
        Cli.Result forked = new Cli().run("run", "--suite", Compiled.CLASS, "--classpath", classes.toString(),
                "--out", out.toString(), "--forks", "1", "--quiet");
        assertEquals(ExitCodes.OK, forked.code(), forked.toString());
        var run = Results.read(out).result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        assertEquals("fork", run.runner(), "measured in a fork that loaded the suite from --classpath");
    }

    @Test
    void aHistoryStoreThatIsNotOneIsAUsageErrorAndNothingRuns() throws Exception {
        Path notADatabase = Files.writeString(tmp.resolve("h.db"), "these are notes, not runs\n");
        Cli.Result r = new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out",
                tmp.resolve("run.json").toString(), "--history", notADatabase.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains(notADatabase.toString()) && r.err().contains("is not an SQLite database"),
                r.toString());
        assertFalse(Files.exists(tmp.resolve("run.json")));
        assertEquals("these are notes, not runs\n", Files.readString(notADatabase), "the file is left alone");
    }

    @Test
    void runsAreRecordedInTheHistoryStoreWhenThereIsOne() {
        FakeHistory store = new FakeHistory();
        Cli.Result r = new Cli().history(store.opener()).run("run", "--suite", WorkSuite.class.getName(), "--out",
                tmp.resolve("run.json").toString(), "--label", "nightly", "--quiet");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(1, store.written.size());
        assertEquals("nightly", store.labels.get(0));
        assertTrue(r.err().contains("recorded as run 1"), r.toString());
        Cli.Result off = new Cli().history(store.opener()).run("run", "--suite", WorkSuite.class.getName(), "--out",
                tmp.resolve("run.json").toString(), "--no-history", "--quiet");
        assertEquals(ExitCodes.OK, off.code(), off.toString());
        assertEquals(1, store.written.size(), "--no-history writes nothing");
    }
}
