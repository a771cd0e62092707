package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.codec.BaselineJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
    @TempDir
    Path tmp;

    private Path run(String file) {
        Path out = tmp.resolve(file);
        assertEquals(ExitCodes.OK, new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", out.toString(),
                "--quiet", "--iterations", "3").code());
        return out;
    }

    @Test
    void saveListPromoteAndDelete() throws Exception {
        Path dir = tmp.resolve("baselines");
        Path first = run("first.json");
        Path second = run("second.json");
        Cli cli = new Cli();
        Cli.Result save = cli.run("baseline", "save", "main", "--run", first.toString(), "--baselines",
                dir.toString());
        assertEquals(ExitCodes.OK, save.code(), save.toString());
        assertTrue(save.err().contains("baseline 'main' saved to " + dir.resolve("main.json")), save.toString());
        // and a copy in the history store
        assertTrue(save.err().contains("copy stored as run 1 in " + cli.historyLocation()), save.toString());
        try (dev.benchbook.History h = dev.benchbook.History.open(cli.historyLocation())) {
            assertEquals("baseline main", h.runs().stringColumn("label").get(0));
        }
        assertEquals(new Cli().run("baseline", "save", "release-1.2", "--run", second.toString(), "--baselines",
                dir.toString()).code(), ExitCodes.OK);

        Cli.Result list = new Cli().run("baseline", "list", "--baselines", dir.toString());
        assertEquals(ExitCodes.OK, list.code());
        assertTrue(list.out().contains("main") && list.out().contains("release-1.2"), list.toString());
        JsonNode json = new ObjectMapper().readTree(new Cli().run("baseline", "list", "--baselines", dir.toString(),
                "--format", "json").out());
        assertEquals("benchbook-baselines", json.get("format").asText());
        assertEquals(2, json.get("baselines").size());
        assertEquals("main", json.get("baselines").get(0).get("name").asText());

        var before = BaselineJson.read(dir.resolve("main.json")).run().result().started();
        Cli.Result promote = new Cli().run("baseline", "promote", second.toString(), "--as", "main", "--baselines",
                dir.toString());
        assertEquals(ExitCodes.OK, promote.code(), promote.toString());
        assertTrue(promote.err().contains("replaces baseline 'main' saved"), promote.toString());
        var after = BaselineJson.read(dir.resolve("main.json")).run().result().started();
        assertFalse(before.equals(after), "main is now the second run");

        Cli.Result delete = new Cli().run("baseline", "delete", "release-1.2", "--baselines", dir.toString());
        assertEquals(ExitCodes.OK, delete.code(), delete.toString());
        assertFalse(Files.exists(dir.resolve("release-1.2.json")));
        Cli.Result again = new Cli().run("baseline", "delete", "release-1.2", "--baselines", dir.toString());
        assertEquals(ExitCodes.USAGE, again.code());
        assertTrue(again.err().contains("does not exist") && again.err().contains("benchbook baseline list"),
                again.toString());
    }

    @Test
    void theFolderComesFromTheEnvironmentWhenNotGiven() {
        Path dir = tmp.resolve("from-env");
        Path r = run("run.json");
        Cli.Result save = new Cli().env("BENCHBOOK_BASELINES", dir.toString()).run("baseline", "save", "main", "--run",
                r.toString());
        assertEquals(ExitCodes.OK, save.code(), save.toString());
        assertTrue(Files.isRegularFile(dir.resolve("main.json")));
    }

    @Test
    void badNamesAndMissingRunsAreUsageErrors() {
        Path dir = tmp.resolve("baselines");
        Path r = run("run.json");
        Cli.Result name = new Cli().run("baseline", "save", "../evil", "--run", r.toString(), "--baselines",
                dir.toString());
        assertEquals(ExitCodes.USAGE, name.code());
        assertTrue(name.err().contains("must be 1 to 64 letters"), name.toString());
        Cli.Result missing = new Cli().run("baseline", "save", "main", "--run", tmp.resolve("x.json").toString(),
                "--baselines", dir.toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.toString());
        Cli.Result none = new Cli().run("baseline", "list", "--baselines", dir.toString());
        assertEquals(ExitCodes.OK, none.code());
        assertTrue(none.err().contains("no baselines"), none.toString());
        Cli.Result bare = new Cli().run("baseline");
        assertEquals(ExitCodes.USAGE, bare.code());
        Cli.Result byId = new Cli().run("baseline", "promote", "17", "--as", "main", "--baselines", dir.toString());
        assertEquals(ExitCodes.USAGE, byId.code(), "a history id needs the store: " + byId);
        assertTrue(byId.err().contains("history store"), byId.toString());
    }

    @Test
    void aHistoryRunIdCanBePromoted() {
        Path dir = tmp.resolve("baselines");
        FakeHistory store = new FakeHistory();
        assertEquals(ExitCodes.OK, new Cli().history(store.opener()).run("run", "--suite", WorkSuite.class.getName(),
                "--out", tmp.resolve("run.json").toString(), "--quiet", "--iterations", "3").code());
        Cli.Result r = new Cli().history(store.opener()).run("baseline", "promote", "1", "--as", "main",
                "--baselines", dir.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.err().contains("history run 1 saved as baseline 'main'"), r.toString());
        assertTrue(Files.isRegularFile(dir.resolve("main.json")));
    }
}
