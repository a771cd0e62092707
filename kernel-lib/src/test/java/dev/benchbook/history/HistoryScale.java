package dev.benchbook.history;

import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import dev.benchbook.stats.ChangePoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tech.tablesaw.api.Table;

/**
 * The history store at scale, a program rather than a test (scripts/bench-history.sh runs it): it builds an
 * SQLite history of {@code runs} runs of one benchmark with {@code iterations} measured iterations of wall
 * time only, so {@code runs × iterations} raw rows (default 100,000 × 10 = 1,000,000) plus one estimate per
 * run, bulk-loaded in transactions of {@value #BATCH} runs; then times {@code series(...)} of that benchmark
 * (the query, the table and the change points of its {@code runs} values) and prints the figures.
 *
 * <p>Arguments: [folder] [runs] [iterations]; the store is {@code folder/history-scale.db}, rebuilt when its
 * run count differs.
 */
public final class HistoryScale {
    static final int BATCH = 2_000;
    static final String BENCHMARK = "scale.sort";

    private HistoryScale() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/history-scale");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path file = dir.resolve("history-scale.db");
        Files.createDirectories(dir);
        if (Files.exists(file) && count(file) != runs) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
        if (!Files.exists(file)) {
            build(file, runs, iterations);
        }
        System.out.printf("store: %s, %,d bytes (and %,d in its WAL)%n", file, Files.size(file),
                Files.exists(Path.of(file + "-wal")) ? Files.size(Path.of(file + "-wal")) : 0);
        try (HistoryStore h = HistoryStore.open(file.toString())) {
            for (int round = 1; round <= 5; round++) {
                long t0 = System.nanoTime();
                Table s = h.series(BENCHMARK, Map.of(), Metrics.WALL_NS.id());
                long t1 = System.nanoTime();
                List<Integer> changes = new ArrayList<>();
                for (int row = 0; row < s.rowCount(); row++) {
                    if (s.booleanColumn(HistoryStore.CHANGE_POINT).get(row)) {
                        changes.add(row);
                    }
                }
                double[] values = h.values(BENCHMARK, Map.of(), Metrics.WALL_NS.id());
                long t2 = System.nanoTime();
                int detected = ChangePoints.detect(values).size();
                long t3 = System.nanoTime();
                System.out.printf("round %d: series(...) %,d rows, change points at rows %s, in %.3f s; values(...) %.3f s; "
                        + "ChangePoints.detect alone %.3f s (%d)%n", round, s.rowCount(), changes, (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9, (t3 - t2) / 1e9, detected);
            }
        }
    }

    private static void build(Path file, int runs, int iterations) {
        long t0 = System.nanoTime();
        try (HistoryStore h = HistoryStore.open(file.toString())) {
            Random rnd = new Random(42);
            List<RunResult> batch = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                // A step of 10% at every quarter of the history.
                double level = 1_000 * (1 + 0.1 * (4L * i / runs));
                batch.add(run(i, level, iterations, rnd));
                if (batch.size() == BATCH || i == runs - 1) {
                    h.writeAll(batch, "scale");
                    batch.clear();
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("built %,d runs × %d iterations = %,d raw rows (+ %,d estimates) in %.1f s (%.0f raw rows/s)%n",
                runs, iterations, (long) runs * iterations, runs, s, runs * (double) iterations / s);
    }

    private static RunResult run(int i, double nsPerOp, int iterations, Random rnd) {
        List<IterationSample> samples = new ArrayList<>();
        for (int k = 0; k < iterations; k++) {
            long wall = Math.round(nsPerOp * 1_000 * Math.exp(0.02 * rnd.nextGaussian()));
            samples.add(new IterationSample(k, false, 0, 1_000, wall, 7L, Map.of()));
        }
        BenchmarkRun b = new BenchmarkRun(BENCHMARK, ParamSet.EMPTY, Status.OK, "", samples);
        SuiteDescriptor suite = new SuiteDescriptor("scale", "", List.of(), List.of(BENCHMARK),
                RunControls.fixed(0, iterations, Duration.ofMillis(10), Duration.ofMinutes(1), 42, 0.999),
                Checks.defaults());
        return new RunResult(suite, HistoryFixtures.ENV, new dev.benchbook.result.GitState(String.format("%040x", i),
                "main", false), HistoryFixtures.T0.plusSeconds(60L * i), Duration.ofSeconds(1), List.of(b));
    }

    private static int count(Path file) {
        try (HistoryStore h = HistoryStore.open(file.toString())) {
            return h.runs().rowCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
