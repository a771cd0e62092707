package dev.benchbook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.result.RunResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A writer killed with SIGKILL at random moments loses nothing it reported committed and leaves no half run:
 * a separate JVM ({@link KillChild}) writes runs into one SQLite store without end; the test kills it
 * ({@code destroyForcibly}) {@value #KILLS} times, at a random moment between 0.3 and 2.5 s after its start
 * (some during start-up and the first migration, most in the middle of a write), and after each kill opens
 * the store and checks every run.
 */
class HistoryKillTest {
    static final int KILLS = 30;

    @TempDir
    Path tmp;

    /** Sort's wall time of fixture run {@code i}: a step at every tenth run, so the series is not flat. */
    static double nanos(int i) {
        return 1_000 * (1 + (i / 10) % 3 * 0.2);
    }

    @Test
    void aKilledWriterLosesNoCommittedRunAndLeavesNoHalfRun() throws Exception {
        Path file = tmp.resolve("killed").resolve("history.db");
        Random rnd = new Random(20_261_202L);
        Map<Long, Integer> reported = new TreeMap<>();
        Set<Long> verified = new HashSet<>();
        int next = 0;
        int killedWriting = 0;
        int unreported = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Path err = tmp.resolve("child-" + kill + ".err");
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    KillChild.class.getName(), file.toString(), Integer.toString(next), "100000"))
                    .redirectError(err.toFile()).start();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> read(p, lines));
            reader.start();
            Thread.sleep(300 + rnd.nextInt(2_200));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not die");
            reader.join(10_000);
            assertEquals(137, p.exitValue(), () -> "the child ended by itself: " + stderr(err));
            int before = reported.size();
            synchronized (lines) {
                for (String line : lines) {
                    String[] w = line.split(" ");
                    assertEquals("committed", w[0], line);
                    reported.put(Long.parseLong(w[1]), Integer.parseInt(w[2]));
                    next = Math.max(next, Integer.parseInt(w[2]) + 1);
                }
            }
            try (HistoryStore h = HistoryStore.open(file.toString())) {
                Table runs = h.runs();
                Set<Long> stored = new HashSet<>(runs.longColumn(HistoryStore.RUN_ID).asList());
                for (Map.Entry<Long, Integer> r : reported.entrySet()) {
                    assertTrue(stored.contains(r.getKey()), "kill " + kill + ": run " + r.getKey() + " was reported "
                            + "committed and is missing");
                }
                int extra = 0;
                for (long id : stored) {
                    if (verified.contains(id)) {
                        continue;
                    }
                    if (!reported.containsKey(id)) {
                        // Committed, then killed before it printed the id: whole, and at most one per kill.
                        extra++;
                        next = Math.max(next, indexOf(h.read(id)) + 1);
                    }
                    checkWhole(h, id, reported.containsKey(id) ? reported.get(id) : indexOf(h.read(id)));
                    verified.add(id);
                }
                assertTrue(extra <= 1, "kill " + kill + ": " + extra + " runs stored but never reported");
                unreported += extra;
                assertEquals(verified.size(), runs.rowCount());
            }
            if (reported.size() > before) {
                killedWriting++;
            }
        }
        assertEquals(verified.size(), reported.size() + unreported);
        long expectedRaw = 0;
        for (int index : reported.values()) {
            expectedRaw += HistoryFixtures.rawCount(HistoryFixtures.run(index, nanos(index)));
        }
        try (HistoryStore h = HistoryStore.open(file.toString())) {
            for (long id : verified) {
                if (!reported.containsKey(id)) {
                    expectedRaw += HistoryFixtures.rawCount(h.read(id));
                }
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertEquals("ok", scalar(s, "PRAGMA integrity_check"));
            assertEquals(Long.toString(expectedRaw), scalar(s, "SELECT COUNT(*) FROM samples"),
                    "raw rows beyond those of the stored runs");
            assertEquals(Long.toString(verified.size()), scalar(s, "SELECT COUNT(*) FROM run_documents"));
        }
        System.out.printf("kill test: %d kills, %d runs committed (%d reported, %d committed but not yet reported), "
                + "%d raw rows; %d kills hit the write loop (after a commit), the others start-up%n", KILLS, verified.size(),
                reported.size(), unreported, expectedRaw, killedWriting);
        assertTrue(reported.size() >= KILLS, "too few runs were written to test anything: " + reported.size());
    }

    /** The run is there whole: it reads back equal to the fixture, with all its raw values and estimates. */
    private static void checkWhole(HistoryStore h, long id, int index) {
        RunResult expected = HistoryFixtures.run(index, nanos(index));
        assertEquals(expected, h.read(id), "run " + id);
        assertEquals(HistoryFixtures.rawCount(expected), h.raw(id).rowCount(), "raw values of run " + id);
    }

    /** The fixture index of a stored run, from its start time (fixture run i starts i hours after T0). */
    private static int indexOf(RunResult run) {
        return (int) (java.time.Duration.between(HistoryFixtures.T0, run.started()).toHours());
    }

    private static void read(Process p, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // The pipe closes when the child is killed.
        }
    }

    private static String stderr(Path err) {
        try {
            return Files.readString(err);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
