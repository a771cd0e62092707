package dev.benchbook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Writers in separate JVMs share one new SQLite store: they create and migrate it together and lose nothing. */
class HistoryProcessesTest {
    static final int PROCESSES = 6;
    static final int RUNS_EACH = 4;

    @TempDir
    Path tmp;

    @Test
    void writersInSeparateProcessesCreateOneStoreAndLoseNothing() throws Exception {
        Path file = tmp.resolve("shared").resolve("history.db");
        List<Process> children = new ArrayList<>();
        for (int k = 0; k < PROCESSES; k++) {
            children.add(new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    KillChild.class.getName(), file.toString(), Integer.toString(k * 100), Integer.toString(RUNS_EACH)))
                    .redirectOutput(tmp.resolve("out-" + k).toFile()).redirectError(tmp.resolve("err-" + k).toFile())
                    .start());
        }
        Map<Long, Integer> reported = new HashMap<>();
        for (int k = 0; k < PROCESSES; k++) {
            Process p = children.get(k);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "writer " + k + " did not finish");
            assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("err-" + k)));
            for (String line : Files.readAllLines(tmp.resolve("out-" + k))) {
                String[] w = line.split(" ");
                assertEquals(null, reported.put(Long.parseLong(w[1]), Integer.parseInt(w[2])), "id given twice: " + line);
            }
        }
        assertEquals(PROCESSES * RUNS_EACH, reported.size());
        try (HistoryStore h = HistoryStore.open(file.toString())) {
            Table runs = h.runs();
            assertEquals(PROCESSES * RUNS_EACH, runs.rowCount());
            long raw = 0;
            for (Map.Entry<Long, Integer> r : reported.entrySet()) {
                int i = r.getValue();
                assertEquals(HistoryFixtures.run(i, HistoryKillTest.nanos(i)), h.read(r.getKey()));
                raw += h.raw(r.getKey()).rowCount();
            }
            assertEquals((long) PROCESSES * RUNS_EACH * HistoryFixtures.rawCount(HistoryFixtures.run(0, 1_000)), raw);
            System.out.printf("processes: %d writer JVMs, %d runs, %d raw rows%n", PROCESSES, runs.rowCount(), raw);
        }
    }
}
