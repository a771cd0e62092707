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
    void withoutAStoreTheHistoryCommandsSaySo() {
        Cli.Result history = new Cli().run("history", "--benchmark", "steps");
        assertEquals(ExitCodes.USAGE, history.code());
        assertTrue(history.err().contains("history store is not part of this build"), history.toString());
        Cli.Result imported = new Cli().run("import-jmh", "README.md");
        assertEquals(ExitCodes.USAGE, imported.code(), imported.toString());
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
        assertTrue(r.err().contains("4 benchmark runs from 2 files"), r.toString());
        Cli.Result missing = new Cli().history(store.opener()).run("import-jmh", tmp.resolve("c.json").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.toString());
    }
}
