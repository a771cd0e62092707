package dev.benchbook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.History;
import dev.benchbook.Results;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The notebook's view: {@code History} over a store, with params in any type. */
class HistoryFacadeTest {
    @TempDir
    Path tmp;

    @Test
    void writesResultsAndReadsSeriesWithTypedParams() {
        String wall = Metrics.WALL_NS.id();
        try (History h = History.open(tmp.resolve("h.db").toString())) {
            long[] ids = new long[20];
            for (int i = 0; i < 20; i++) {
                ids[i] = h.write(new Results(HistoryFixtures.run(i, i < 10 ? 1_000 : 1_250)), "run " + i);
            }
            long first = ids[0];
            long unlabelled = h.write(() -> HistoryFixtures.run(20, 1_250));
            assertEquals("", h.runs().stringColumn(HistoryStore.LABEL).get(20));
            assertEquals(List.of("shuffle", "sort"), h.benchmarks());

            Table all = h.series("sort", wall);
            assertEquals(42, all.rowCount());
            // One line per param combination and one change-point trace each, as the README shows it.
            assertEquals(4, dev.benchbook.plot.Plots.history(all, HistoryStore.STARTED, HistoryStore.VALUE)
                    .getTraces().length);
            Table one = h.series("sort", Map.of("size", 1_000), wall);
            assertEquals(21, one.rowCount());
            assertEquals(List.of(10), HistoryStoreContract.trueRows(one, HistoryStore.CHANGE_POINT));
            assertEquals(21, h.values("sort", Map.of("size", 1_000), wall).length);

            h.accept("sort", Map.of("size", 1_000), wall, first + 10, "expected");
            assertEquals(1, h.acceptances().rowCount());
            assertEquals(List.of(), HistoryStoreContract.trueRows(h.series("sort", Map.of("size", 1_000), wall),
                    HistoryStore.CHANGE_POINT));
            assertNotNull(h.noise().spread("sort", new ParamSet(Map.of("size", 1_000)), wall));

            RunResult back = h.read(unlabelled).result();
            assertEquals(HistoryFixtures.run(20, 1_250), back);
            assertEquals(HistoryFixtures.rawCount(back), h.raw(unlabelled).rowCount());
            assertTrue(h.toString().contains("h.db"), h.toString());
            HistoryException e = assertThrows(HistoryException.class, () -> h.accept("sort", wall, first, ""));
            assertTrue(e.getMessage().contains("2 param combinations"), e.getMessage());
        }
    }

    @Test
    void importsAFolderOfJmhFilesOldestFirst() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("jmh"));
        Path older = Files.copy(HistoryStoreContract.resource("jmh/sortbench-avgt-us.json"), dir.resolve("b.json"));
        Path newer = Files.copy(HistoryStoreContract.resource("jmh/sorting-export.json"), dir.resolve("a.json"));
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.from(HistoryFixtures.T0));
        Files.setLastModifiedTime(newer, java.nio.file.attribute.FileTime.from(HistoryFixtures.T0.plusSeconds(60)));
        Files.writeString(dir.resolve("notes.txt"), "not json");
        try (History h = History.open(tmp.resolve("h.db").toString())) {
            assertEquals(2, h.importJmh(dir));
            Table runs = h.runs();
            assertEquals(List.of(HistoryFixtures.T0, HistoryFixtures.T0.plusSeconds(60)),
                    runs.instantColumn(HistoryStore.STARTED).asList());
            assertEquals(List.of("jmh", "jmh"), runs.stringColumn(HistoryStore.LABEL).asList());
        }
    }
}
