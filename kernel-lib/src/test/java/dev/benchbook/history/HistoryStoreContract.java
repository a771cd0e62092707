package dev.benchbook.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.RunStats;
import dev.benchbook.jmh.JmhJson;
import dev.benchbook.metric.Metrics;
import dev.benchbook.regress.RunNoise;
import dev.benchbook.regress.RunSpread;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSet;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** What every history store does, SQLite or PostgreSQL: each subclass gives a fresh, empty location. */
abstract class HistoryStoreContract {
    static final String WALL = Metrics.WALL_NS.id();
    static final int WRITERS = 8;
    static final int RUNS_PER_WRITER = 6;

    @TempDir
    Path tmp;

    /** A location no store has used yet. */
    abstract String freshLocation();

    @Test
    void readsBackTheRunItStoredWithEveryRawValue() {
        RunResult run = HistoryFixtures.run(1, 1_000);
        try (HistoryStore h = HistoryStore.open(freshLocation())) {
            long id = h.write(run, "first");
            assertEquals(run, h.read(id));
            Table runs = h.runs();
            assertEquals(1, runs.rowCount());
            assertEquals(id, runs.longColumn(HistoryStore.RUN_ID).get(0));
            assertEquals(run.started(), runs.instantColumn(HistoryStore.STARTED).get(0));
            assertEquals("sorting", runs.stringColumn(HistoryStore.SUITE).get(0));
            assertEquals("first", runs.stringColumn(HistoryStore.LABEL).get(0));
            assertEquals(run.git().commit(), runs.stringColumn(HistoryStore.COMMIT).get(0));
            assertEquals(run.git().branch(), runs.stringColumn(HistoryStore.BRANCH).get(0));
            assertEquals(run.git().dirty(), runs.booleanColumn(HistoryStore.DIRTY).get(0));
            assertEquals(dev.benchbook.regress.Fingerprint.of(run).hash(), runs.stringColumn(HistoryStore.FINGERPRINT).get(0));
            assertEquals("history-host", runs.stringColumn(HistoryStore.HOST).get(0));
            assertEquals(3, runs.intColumn(HistoryStore.BENCHMARKS).get(0));
            Table raw = h.raw(id);
            assertEquals(HistoryFixtures.rawCount(run), raw.rowCount());
            // 2 sizes × 2 benchmarks × 2 forks × 8 iterations × (wall + 5 metrics) + 4 peak heap run values
            assertEquals(2 * 2 * 2 * 8 * 6 + 4, raw.rowCount());
            // "broken" failed without a value, so it has no series.
            assertEquals(List.of("shuffle", "sort"), h.benchmarks());
        }
    }

    @Test
    void rawValuesRecomputeTheEstimateThatSeriesShows() {
        RunResult run = HistoryFixtures.run(2, 1_000);
        try (HistoryStore h = HistoryStore.open(freshLocation())) {
            long id = h.write(run, "");
            Table raw = h.raw(id);
            Table wall = raw.where(raw.stringColumn(HistoryStore.BENCHMARK).isEqualTo("sort")
                    .and(raw.stringColumn(HistoryStore.PARAMS).isEqualTo("size=1000"))
                    .and(raw.stringColumn(HistoryStore.METRIC).isEqualTo(WALL))
                    .and(raw.booleanColumn(HistoryStore.WARMUP).isFalse()));
            assertEquals(HistoryFixtures.FORKS * HistoryFixtures.ITERATIONS, wall.rowCount());
            assertEquals(Set.of(1, 2), new HashSet<>(wall.intColumn(HistoryStore.FORK).asList()));
            double recomputed = wall.doubleColumn(HistoryStore.VALUE).mean();

            BenchmarkRun sort = run.runs().stream().filter(r -> r.benchmark().equals("sort")
                    && r.params().values().get("size").equals(1_000)).findFirst().orElseThrow();
            RunStats stats = RunStats.of(sort, run.suite().controls(), run.metrics());
            Table s = h.series("sort", HistoryFixtures.size(1_000), WALL);
            assertEquals(1, s.rowCount());
            assertEquals(stats.ci().point(), s.doubleColumn(HistoryStore.VALUE).get(0), 1e-9);
            assertEquals(recomputed, s.doubleColumn(HistoryStore.VALUE).get(0), 1e-9);
            assertEquals(stats.ci().low(), s.doubleColumn(HistoryStore.CI_LOW).get(0), 1e-9);
            assertEquals(stats.ci().high(), s.doubleColumn(HistoryStore.CI_HIGH).get(0), 1e-9);
            assertEquals(12, s.intColumn(HistoryStore.N).get(0));

            Table items = h.series("sort", HistoryFixtures.size(1_000), "items");
            assertEquals(stats.metrics().get("items").point(), items.doubleColumn(HistoryStore.VALUE).get(0), 1e-9);
            Table heap = h.series("sort", HistoryFixtures.size(1_000), Metrics.PEAK_HEAP_BYTES.id());
            assertEquals(sort.runValue(Metrics.PEAK_HEAP_BYTES.id()), heap.doubleColumn(HistoryStore.VALUE).get(0));
            assertTrue(heap.doubleColumn(HistoryStore.CI_LOW).isMissing(0), "a run value has no interval");
        }
    }

    @Test
    void marksTheChangePointOfASteppedSeries() {
        try (HistoryStore h = HistoryStore.open(freshLocation())) {
            List<Long> ids = stepped(h, 30, 15, 1.3);
            Table s = h.series("sort", HistoryFixtures.size(1_000), WALL);
            assertEquals(30, s.rowCount());
            assertEquals(ids, s.longColumn(HistoryStore.RUN_ID).asList());
            List<Integer> changes = trueRows(s, HistoryStore.CHANGE_POINT);
            assertEquals(List.of(15), changes);
            assertEquals(Set.of(0), new HashSet<>(s.intColumn(HistoryStore.SEGMENT).asList()));
            assertEquals(List.of(), trueRows(s, HistoryStore.ACCEPTED));
            double[] values = h.values("sort", HistoryFixtures.size(1_000), WALL);
            assertArrayEquals(s.doubleColumn(HistoryStore.VALUE).asDoubleArray(), values);
            assertTrue(values[20] > 1.25 * values[5], Arrays.toString(values));
        }
    }

    @Test
    void anAcceptedChangeStartsANewSegment() {
        try (HistoryStore h = HistoryStore.open(freshLocation())) {
            List<Long> ids = stepped(h, 30, 15, 1.3);
            h.accept("sort", HistoryFixtures.size(1_000), WALL, ids.get(15), "new comparator: slower, on purpose");
            Table s = h.series("sort", HistoryFixtures.size(1_000), WALL);
            List<Integer> segments = s.intColumn(HistoryStore.SEGMENT).asList();
            for (int i = 0; i < 30; i++) {
                assertEquals(i < 15 ? 0 : 1, segments.get(i), "row " + i);
            }
            assertEquals(List.of(15), trueRows(s, HistoryStore.ACCEPTED));
            assertEquals(List.of(), trueRows(s, HistoryStore.CHANGE_POINT), "each segment is flat on its own");
            // Other series are not affected by the acceptance.
            Table small = h.series("sort", HistoryFixtures.size(100), WALL);
            assertEquals(Set.of(0), new HashSet<>(small.intColumn(HistoryStore.SEGMENT).asList()));
            assertEquals(List.of(15), trueRows(small, HistoryStore.CHANGE_POINT));

            Table acc = h.acceptances();
            assertEquals(1, acc.rowCount());
            assertEquals(ids.get(15), acc.longColumn(HistoryStore.RUN_ID).get(0));
            assertEquals("size=1000", acc.stringColumn(HistoryStore.PARAMS).get(0));
            assertEquals("new comparator: slower, on purpose", acc.stringColumn(HistoryStore.NOTE).get(0));

            RunNoise noise = h.noise();
            // the spread is of per-run medians of the measured iterations, since the accepted run
            double[] medians = ids.subList(15, 30).stream().mapToDouble(id -> {
                double[] xs = h.read(id).runs().stream()
                        .filter(r -> r.benchmark().equals("sort") && r.params().values().get("size").equals(1_000))
                        .findFirst().orElseThrow().values(WALL).clone();
                Arrays.sort(xs);
                return xs.length % 2 == 1 ? xs[xs.length / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
            }).toArray();
            RunSpread since = noise.spread("sort", new ParamSet(Map.of("size", 1_000)), WALL);
            RunSpread expected = RunSpread.of(medians);
            assertEquals(expected, since);
            assertEquals(15, since.runs());
            assertEquals(30, noise.spread("sort", new ParamSet(Map.of("size", 100)), WALL).runs());
            assertEquals(null, noise.spread("nope", ParamSet.EMPTY, WALL));
        }
    }

    @Test
    void seriesOfEveryCombinationHasParamColumns() {
        try (HistoryStore h = HistoryStore.open(freshLocation())) {
            stepped(h, 12, 6, 1.0);
            Table s = h.series("shuffle", null, WALL);
            assertEquals(24, s.rowCount());
            assertEquals(List.of(HistoryStore.RUN_ID, HistoryStore.STARTED, HistoryStore.COMMIT, HistoryStore.BRANCH,
                    HistoryStore.LABEL, HistoryStore.PARAMS, "size", HistoryStore.METRIC, HistoryStore.VALUE,
                    HistoryStore.CI_LOW, HistoryStore.CI_HIGH, HistoryStore.N, HistoryStore.SEGMENT,
                    HistoryStore.CHANGE_POINT, HistoryStore.ACCEPTED), s.columnNames());
            assertEquals(12, s.where(s.stringColumn("size").isEqualTo("100")).rowCount());
            assertEquals(12, s.where(s.stringColumn("size").isEqualTo("1000")).rowCount());
            HistoryException e = assertThrows(HistoryException.class, () -> h.values("shuffle", null, WALL));
            assertTrue(e.getMessage().contains("2 param combinations"), e.getMessage());
        }
    }

    @Test
    void unknownRunsAndSeriesAreNamedInTheError() {
        try (HistoryStore h = HistoryStore.open(freshLocation())) {
            HistoryException empty = assertThrows(HistoryException.class, () -> h.read(42));
            assertTrue(empty.getMessage().contains("no run with id 42"), empty.getMessage());
            long id = h.write(HistoryFixtures.run(1, 1_000), null);
            HistoryException e = assertThrows(HistoryException.class, () -> h.read(id + 1000));
            assertTrue(e.getMessage().contains("no run with id " + (id + 1000)) && e.getMessage().contains("ids " + id),
                    e.getMessage());
            assertThrows(HistoryException.class, () -> h.raw(id + 1000));
            HistoryException b = assertThrows(HistoryException.class, () -> h.series("srot", null, WALL));
            assertTrue(b.getMessage().contains("no benchmark \"srot\"") && b.getMessage().contains("sort"), b.getMessage());
            HistoryException m = assertThrows(HistoryException.class, () -> h.series("sort", null, "wall"));
            assertTrue(m.getMessage().contains("no metric \"wall\"") && m.getMessage().contains(WALL), m.getMessage());
            HistoryException p = assertThrows(HistoryException.class,
                    () -> h.series("sort", HistoryFixtures.size(7), WALL));
            assertTrue(p.getMessage().contains("{size=100}, {size=1000}"), p.getMessage());
            HistoryException a = assertThrows(HistoryException.class,
                    () -> h.accept("broken", HistoryFixtures.size(100), WALL, id, ""));
            assertTrue(a.getMessage().contains("no benchmark") || a.getMessage().contains("no metric"), a.getMessage());
        }
    }

    @Test
    void importsAJmhResultFile() throws Exception {
        Path jmh = tmp.resolve("sortbench.json");
        Files.copy(resource("jmh/sortbench-avgt-us.json"), jmh);
        FileTime time = FileTime.from(HistoryFixtures.T0.plusSeconds(77));
        Files.setLastModifiedTime(jmh, time);
        try (HistoryStore h = HistoryStore.open(freshLocation())) {
            assertEquals(1, h.importJmh(jmh, "jmh import"));
            RunResult imported = JmhJson.read(jmh);
            Table runs = h.runs();
            assertEquals(1, runs.rowCount());
            assertEquals(time.toInstant(), runs.instantColumn(HistoryStore.STARTED).get(0));
            assertEquals("jmh import", runs.stringColumn(HistoryStore.LABEL).get(0));
            RunResult back = h.read(runs.longColumn(HistoryStore.RUN_ID).get(0));
            assertEquals(imported.runs(), back.runs());
            assertEquals(imported.suite(), back.suite());
            assertEquals(HistoryFixtures.rawCount(imported), h.raw(runs.longColumn(HistoryStore.RUN_ID).get(0)).rowCount());
            String benchmark = imported.runs().get(0).benchmark();
            assertTrue(h.benchmarks().contains(benchmark), h.benchmarks().toString());
            Table s = h.series(benchmark, null, WALL);
            assertFalse(s.isEmpty());
        }
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        // The writers open the new store together: its creation and migration race too.
        String location = freshLocation();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Callable<long[]> task = () -> {
                long[] ids = new long[RUNS_PER_WRITER];
                try (HistoryStore h = HistoryStore.open(location)) {
                    for (int i = 0; i < RUNS_PER_WRITER; i++) {
                        ids[i] = h.write(HistoryFixtures.run(writer * 100 + i, 1_000 + writer), "writer " + writer);
                    }
                }
                return ids;
            };
            futures.add(pool.submit(task));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<long[]> f : futures) {
            for (long id : f.get()) {
                assertTrue(ids.add(id), "id " + id + " given twice");
            }
        }
        pool.shutdown();
        try (HistoryStore h = HistoryStore.open(location)) {
            Table runs = h.runs();
            assertEquals(WRITERS * RUNS_PER_WRITER, runs.rowCount());
            assertEquals(ids, new HashSet<>(runs.longColumn(HistoryStore.RUN_ID).asList()));
            long raw = 0;
            for (long id : ids) {
                raw += h.raw(id).rowCount();
            }
            int perRun = HistoryFixtures.rawCount(HistoryFixtures.run(0, 1_000));
            assertEquals((long) WRITERS * RUNS_PER_WRITER * perRun, raw);
            assertEquals(WRITERS * RUNS_PER_WRITER, h.series("sort", HistoryFixtures.size(100), WALL).rowCount());
            for (int w = 0; w < WRITERS; w++) {
                long id = futures.get(w).get()[RUNS_PER_WRITER - 1];
                assertEquals(HistoryFixtures.run(w * 100 + RUNS_PER_WRITER - 1, 1_000 + w), h.read(id));
            }
            System.out.printf("concurrency %s: %d writers, %d runs, %d raw rows%n", getClass().getSimpleName(), WRITERS,
                    runs.rowCount(), raw);
        }
    }

    @Test
    void aWriteThatFailsHalfwayStoresNothing() {
        RunResult good = HistoryFixtures.run(1, 1_000);
        RunResult bad = new RunResult(good.suite(), good.environment(), good.git(), java.time.Instant.MAX,
                good.elapsed(), good.runs(), good.metrics());
        try (HistoryStore h = HistoryStore.open(freshLocation())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> h.writeAll(List.of(good, bad), "both or neither"));
            assertTrue(e.getMessage().contains("1677 to 2262"), e.getMessage());
            assertEquals(0, h.runs().rowCount());
            assertEquals(List.of(), h.benchmarks(), "the series of the failed write are gone too");
            long id = h.write(good, "again");
            assertEquals(good, h.read(id));
            assertEquals(HistoryFixtures.rawCount(good), h.raw(id).rowCount());
            assertEquals(1, h.series("sort", HistoryFixtures.size(100), WALL).rowCount());
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        HistoryStore h = HistoryStore.open(freshLocation());
        h.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, h::runs);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        h.close();
    }

    /** Runs 0..n-1 where sort's wall time steps from 1000 ns to {@code factor} × 1000 at run {@code at}. */
    static List<Long> stepped(HistoryStore h, int n, int at, double factor) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(h.write(HistoryFixtures.run(i, i < at ? 1_000 : 1_000 * factor), "run " + i));
        }
        return ids;
    }

    static List<Integer> trueRows(Table t, String column) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.booleanColumn(column).get(i)) {
                out.add(i);
            }
        }
        return out;
    }

    static Path resource(String name) throws URISyntaxException {
        var url = HistoryStoreContract.class.getClassLoader().getResource(name);
        assertNotNull(url, name);
        return Path.of(url.toURI());
    }
}
