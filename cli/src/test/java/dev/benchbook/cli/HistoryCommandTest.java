package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runsGoIntoTheRealStoreAndComeBackAsASeriesBesideImportedJmhResults() throws Exception {
        Cli cli = new Cli();
        for (int i = 0; i < 3; i++) {
            Cli.Result run = cli.run("run", "--suite", WorkSuite.class.getName(), "--out",
                    tmp.resolve("run" + i + ".json").toString(), "--label", "nightly", "--quiet");
            assertEquals(ExitCodes.OK, run.code(), run.toString());
            assertTrue(run.err().contains("recorded as run " + (i + 1) + " in " + cli.historyLocation()), run.toString());
        }
        Cli.Result history = cli.run("history", "--benchmark", "steps", "--format", "json");
        assertEquals(ExitCodes.OK, history.code(), history.toString());
        JsonNode rows = new ObjectMapper().readTree(history.out()).get("rows");
        assertEquals(3, rows.size(), history.out());
        assertEquals("nightly", rows.get(2).get("label").asText());

        Path jmh = Path.of("..", "datasets", "jmh-real", "jabrena__101-jmh.json");
        Cli.Result imported = cli.run("import-jmh", jmh.toString());
        assertEquals(ExitCodes.OK, imported.code(), imported.toString());
        assertTrue(imported.err().contains("stored as 1 run"), imported.toString());
        Cli.Result loop = cli.run("history", "--benchmark", "loopFor", "--metric", "alloc_bytes_per_op");
        assertEquals(ExitCodes.OK, loop.code(), loop.toString());
        assertTrue(loop.out().contains("alloc_bytes_per_op") && loop.out().contains("change_point"), loop.toString());
    }

    @Test
    void theSeriesIsPrintedAndPlottedWithItsChangePoint() throws Exception {
        FakeHistory store = new FakeHistory();
        Path html = tmp.resolve("h/steps.html");
        Cli.Result r = new Cli().history(store.opener()).run("history", "--benchmark", "steps", "--param",
                "size=1000", "--html", html.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("c000006") && r.out().contains("change_point"), r.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("<html") && page.contains("change point"), "the plot marks the change point");
        Cli.Result json = new Cli().history(store.opener()).run("history", "--benchmark", "steps", "--format", "json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(12, doc.get("rows").size());
        assertTrue(doc.get("rows").get(6).get("change_point").asBoolean());
        assertEquals(130.0, doc.get("rows").get(6).get("value").asDouble());
    }

    @Test
    void anEmptySeriesNamesWhatWasAskedFor() {
        FakeHistory store = new FakeHistory();
        Cli.Result r = new Cli().history(store.opener()).run("history", "--benchmark", "nope", "--metric",
                "alloc_bytes_per_op");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--benchmark nope") && r.err().contains("--metric alloc_bytes_per_op"),
                r.toString());
    }

    @Test
    void theLocationComesFromTheFlagOrTheEnvironment() {
        FakeHistory store = new FakeHistory();
        new Cli().history(store.opener()).env(HistoryAccess.ENV, "/srv/history.db").run("history", "--benchmark",
                "steps");
        assertEquals("/srv/history.db", store.openedAt);
        new Cli().history(store.opener()).env(HistoryAccess.ENV, "/srv/history.db").run("history", "--benchmark",
                "steps", "--history", "jdbc:postgresql://db/bench");
        assertEquals("jdbc:postgresql://db/bench", store.openedAt);
    }

    @Test
    void importJmhFeedsEveryFileToTheStore() throws Exception {
        FakeHistory store = new FakeHistory();
        Path a = Files.writeString(tmp.resolve("a.json"), "[]");
        Path b = Files.writeString(tmp.resolve("b.json"), "[]");
        Cli.Result r = new Cli().history(store.opener()).run("import-jmh", a.toString(), b.toString(), "--label", "jmh");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(List.of(a, b), store.imported);
        assertTrue(r.err().contains("4 runs from 2 paths"), r.toString());
        Cli.Result missing = new Cli().history(store.opener()).run("import-jmh", tmp.resolve("c.json").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.toString());
    }
}
