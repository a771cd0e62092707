package dev.benchbook.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.calibration.DetectionAnalysis.Outcome;
import dev.benchbook.calibration.DetectionData.Pool;
import dev.benchbook.calibration.DetectionData.Run;
import dev.benchbook.regress.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {
    @TempDir
    Path dir;

    @Test
    void wilsonIntervalMatchesReferenceValues() {
        // Reference: Wilson (1927) score interval, z = 1.96; 0/200 → upper 3.8415 / 203.8415.
        double[] zero = DetectionReport.wilson(0, 200);
        assertEquals(0, zero[0], 1e-12);
        assertEquals(0.018846, zero[1], 1e-5);
        double[] half = DetectionReport.wilson(5, 10);
        assertEquals(0.236593, half[0], 1e-5);
        assertEquals(0.763407, half[1], 1e-5);
        double[] nine = DetectionReport.wilson(19, 20);
        assertEquals(0.763868, nine[0], 1e-5);
        assertEquals(0.991115, nine[1], 1e-5);
    }

    @Test
    void countsAnyDecidedChangeOnAaAsFalsePositiveButOnlyRegressionsAsDetection() {
        assertTrue(DetectionAnalysis.hit(DetectionWorkload.A_PRIME, Verdict.IMPROVEMENT));
        assertTrue(DetectionAnalysis.hit(DetectionWorkload.A_PRIME, Verdict.REGRESSION));
        assertFalse(DetectionAnalysis.hit(DetectionWorkload.A_PRIME, Verdict.NO_CHANGE));
        assertFalse(DetectionAnalysis.hit("B5", Verdict.IMPROVEMENT));
        assertTrue(DetectionAnalysis.hit("B5", Verdict.REGRESSION));
    }

    @Test
    void dataFileRoundTripsAndDropsIncompleteRounds() throws Exception {
        Pool pool = synthetic(3, 0.0, 1);
        Path file = dir.resolve("data.csv");
        try (DetectionData.Writer w = new DetectionData.Writer(file, Map.of("a_ns_per_op", "1000.0"))) {
            pool.rounds().forEach(r -> r.values().forEach(w::add));
            w.add(new Run(4, 0, "A", new long[] {10}, new long[] {10_000}));
        }
        Pool back = DetectionData.read(file, DetectionWorkload.variants());
        assertEquals("1000.0", back.meta().get("a_ns_per_op"));
        assertEquals(3, back.rounds().size());
        Run a = pool.rounds().get(1).get("B5");
        Run b = back.rounds().get(1).get("B5");
        assertArrayEquals(a.wallNs(), b.wallNs());
        assertArrayEquals(a.batch(), b.batch());
        assertArrayEquals(a.cpuNs(), b.cpuNs());
        assertEquals(a.slot(), b.slot());
    }

    @Test
    void readsFilesWrittenBeforeCpuTimeWasRecorded() throws Exception {
        Path file = dir.resolve("old.csv");
        StringBuilder s = new StringBuilder(DetectionData.HEADER_WALL_ONLY + "\n");
        for (String v : DetectionWorkload.variants()) {
            s.append("1,0,").append(v).append(",0,false,10,10000\n");
        }
        Files.writeString(file, s);
        Run a = DetectionData.read(file, DetectionWorkload.variants()).rounds().get(0).get("A");
        assertEquals(1000, a.mean(), 1e-9);
        assertFalse(a.hasCpu());
    }

    @Test
    void malformedDataNamesFileAndLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "# x=1\n" + DetectionData.HEADER + "\n1,0,A,0,false,ten,100\n");
        var e = assertThrows(IllegalArgumentException.class,
                () -> DetectionData.read(file, DetectionWorkload.variants()));
        assertTrue(e.getMessage().contains("bad.csv:3"), e.getMessage());
    }

    @Test
    void parsesOptionsAndReportsEveryBadOneAtOnce() {
        Detection.Options o = Detection.parse(new String[] {"--quick", "--out", "/tmp/d"});
        assertTrue(o.quick());
        assertEquals(2, o.minutes());
        assertEquals(Path.of("/tmp/d"), o.out());
        assertEquals(30, Detection.parse(new String[0]).minutes());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Detection.parse(new String[] {"--minutes", "0", "--bogus", "--replay"}));
        assertTrue(e.getMessage().contains("--minutes 0") && e.getMessage().contains("--bogus")
                && e.getMessage().contains("--replay: needs a value"), e.getMessage());
    }

    @Test
    void abModeSeparatesAaFromAFivePercentSlowdownOnIndependentRuns() {
        // Independent runs with 1% run-to-run noise: the paired rounds must flag B5 and leave A/A alone.
        Outcome o = new DetectionAnalysis(10, new int[] {1, 2}, 5, 7).analyse(synthetic(90, 0.01, 2));
        DetectionAnalysis.Tally aa = o.get(DetectionAnalysis.AB, DetectionWorkload.A_PRIME);
        DetectionAnalysis.Tally b5 = o.get(DetectionAnalysis.AB, "B5");
        assertTrue(aa.n >= 3 && aa.hits == 0, DetectionReport.verdicts(aa));
        assertEquals(b5.n, b5.hits, DetectionReport.verdicts(b5));
        assertEquals(2 * 90 - 3 - 2 * 9, o.get(DetectionAnalysis.HISTORY, "B5").n);
        DetectionAnalysis.Tally cpu = o.get(DetectionAnalysis.AB_CPU, "B5");
        assertTrue(cpu.n > 0 && cpu.hits == cpu.n, DetectionReport.verdicts(cpu));
    }

    /** Rounds of every variant: 1 ms/op times the slowdown, a run-level lognormal shift, 10 iterations. */
    static Pool synthetic(int rounds, double runSigma, long seed) {
        Random r = new Random(seed);
        List<Map<String, Run>> out = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            Map<String, Run> round = new LinkedHashMap<>();
            int slot = 0;
            for (String v : DetectionWorkload.variants()) {
                double level = 1e6 * (1 + DetectionWorkload.slowdownOf(v) / 100.0)
                        * Math.exp(runSigma * r.nextGaussian());
                long[] batch = new long[10];
                long[] wall = new long[10];
                long[] cpu = new long[10];
                for (int k = 0; k < 10; k++) {
                    batch[k] = 100;
                    wall[k] = Math.round(100 * level * (1 + 0.002 * r.nextGaussian()));
                    cpu[k] = Math.round(wall[k] * 0.99);
                }
                round.put(v, new Run(i, slot++, v, batch, wall, cpu));
            }
            out.add(round);
        }
        return new Pool(Map.of(), out);
    }
}
