package dev.benchbook.suites.realworld;

import static dev.benchbook.suites.TinyRuns.allOkAndDeterministic;
import static dev.benchbook.suites.TinyRuns.tiny;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Suite;
import dev.benchbook.harness.OutputHasher;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteCatalog;
import dev.benchbook.suites.compiler.CompilerSuite;
import dev.benchbook.suites.compiler.InMemoryCompiler;
import dev.benchbook.suites.compiler.ProjectGenerator;
import dev.benchbook.suites.crypto.CryptoSuite;
import dev.benchbook.suites.ml.Dataset;
import dev.benchbook.suites.ml.LogisticRegression;
import dev.benchbook.suites.ml.MlSuite;
import dev.benchbook.suites.sql.OltpDatabase;
import dev.benchbook.suites.sql.SqlSuite;
import dev.benchbook.suites.sql.Workload;
import dev.benchbook.suites.throughput.Throughput;
import dev.benchbook.suites.web.WebSuite;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class RealWorldSuitesTest {

    /** Each run's output hash by benchmark and params. */
    private static Map<String, Long> hashes(RunResult r) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (BenchmarkRun run : r.runs()) {
            m.put(run.benchmark() + " " + run.params().key(), run.outputHash().orElseThrow());
        }
        return m;
    }

    private static double value(BenchmarkRun run, String metric) {
        Double v = run.measured().get(0).values().get(metric);
        assertTrue(v != null, run.benchmark() + " " + run.params() + " lacks " + metric + ": " + run.measured().get(0));
        return v;
    }

    @Test
    void eachAreaHasAGroupAndTheRealWorldGroupHoldsThemAll() {
        SuiteCatalog c = SuiteCatalog.standard();
        assertEquals(List.of(SqlSuite.class), c.resolve("sql"));
        assertEquals(List.of(CryptoSuite.class), c.resolve("crypto"));
        assertEquals(List.of(CompilerSuite.class), c.resolve("compiler"));
        assertEquals(List.of(MlSuite.class), c.resolve("ml"));
        assertEquals(List.of(WebSuite.class), c.resolve("web"));
        assertEquals(List.of(WebSuite.class, SqlSuite.class, CryptoSuite.class, CompilerSuite.class, MlSuite.class),
                c.resolve("real-world"));
        assertEquals(List.of("web", "sql", "crypto", "compiler", "ml"), RealWorldGroup.areas());
        for (Class<? extends SuiteFactory> s : c.resolve("real-world")) {
            assertEquals(SuiteCatalog.shortName(s), Bench.suite(s).build().name());
        }
    }

    @Test
    void sqlRoundsCommitTheRightRowsAndRepeatTheirChecksum() throws Exception {
        Workload.Tx[] round = Workload.round("mix", 50, new Random(7));
        long inserts = java.util.Arrays.stream(round).filter(t -> t.kind() == Workload.Kind.INSERT).count();
        assertEquals(20, inserts);
        try (OltpDatabase db = OltpDatabase.open(OltpDatabase.H2, 50, new Random(7))) {
            long[] lat = new long[round.length];
            Set<Long> checksums = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                checksums.add(db.run(round, lat));
            }
            assertEquals(1, checksums.size(), "every round should read the same data");
            assertTrue(java.util.Arrays.stream(lat).allMatch(ns -> ns > 0));
            assertEquals(50, db.rows("accounts"));
            assertEquals(50 * OltpDatabase.ORDERS_PER_ACCOUNT + 3 * inserts, db.rows("orders"));
            assertEquals(3 * inserts, db.inserted());
            assertEquals(db.seededBalance(), db.totalBalance(), "transfers must conserve the total balance");
            db.verify();
        }
    }

    @Test
    void theSqlSuiteRunsDeterministicallyOnH2WithLatencyPercentilesAndThroughput() {
        Suite<?> s = Bench.suite(SqlSuite.class).paramValues("database", OltpDatabase.H2).paramValues("accounts", 100);
        RunResult a = tiny(s);
        allOkAndDeterministic(a);
        assertEquals(Workload.WORKLOADS.size(), a.runs().size());
        for (BenchmarkRun run : a.runs()) {
            for (IterationSample x : run.measured()) {
                Map<String, Double> v = x.values();
                assertTrue(v.get("tx_p50_ns") > 0 && v.get("tx_p50_ns") <= v.get("tx_p90_ns")
                        && v.get("tx_p90_ns") <= v.get("tx_p99_ns") && v.get("tx_p99_ns") <= v.get("tx_max_ns"),
                        run.benchmark() + " " + v);
            }
        }
        Table t = SqlSuite.throughput(new dev.benchbook.Results(a));
        assertEquals(a.runs().size(), t.rowCount());
        for (Row row : t) {
            double tx = row.getDouble(SqlSuite.TX_PER_S);
            assertEquals(Workload.ROUND_SIZE * 1e9 / row.getDouble(Throughput.MEAN_NS), tx, 1e-9 * tx);
            assertTrue(row.getDouble(SqlSuite.TX_PER_S + Throughput.CI_LOW) <= tx
                    && tx <= row.getDouble(SqlSuite.TX_PER_S + Throughput.CI_HIGH), row.toString());
        }
        assertEquals(hashes(a), hashes(tiny(Bench.suite(SqlSuite.class).paramValues("database", OltpDatabase.H2)
                .paramValues("accounts", 100))));
    }

    @Test
    void postgresqlRunsWhenReachableAndIsReportedUnsupportedOtherwise() {
        Optional<String> unavailable = OltpDatabase.unavailable(OltpDatabase.POSTGRESQL);
        RunResult r = tiny(Bench.suite(SqlSuite.class).paramValues("accounts", 100));
        Map<String, Long> h2 = new LinkedHashMap<>();
        for (BenchmarkRun run : r.runs()) {
            if (run.params().values().get("database").equals(OltpDatabase.H2)) {
                assertEquals(Status.OK, run.status(), run.error());
                h2.put(run.benchmark(), run.outputHash().orElseThrow());
            }
        }
        for (BenchmarkRun run : r.runs()) {
            if (!run.params().values().get("database").equals(OltpDatabase.POSTGRESQL)) {
                continue;
            }
            if (unavailable.isEmpty()) {
                assertEquals(Status.OK, run.status(), run.error());
                assertEquals(h2.get(run.benchmark()), run.outputHash().orElseThrow(),
                        run.benchmark() + ": PostgreSQL should read what H2 reads");
            } else {
                assertEquals(Status.FAILED, run.status());
                assertTrue(run.error().contains("unsupported: PostgreSQL is not reachable"), run.error());
            }
        }
    }

    @Test
    void anUnreachablePostgresqlIsReportedUnsupportedWithTheFixAndH2StillRuns() {
        String before = System.getProperty(OltpDatabase.PG_PROPERTY);
        System.setProperty(OltpDatabase.PG_PROPERTY, "jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret");
        try {
            RunResult r = tiny(Bench.suite(SqlSuite.class).paramValues("accounts", 20));
            assertTrue(OltpDatabase.unavailable(OltpDatabase.POSTGRESQL).isPresent());
            for (BenchmarkRun run : r.runs()) {
                if (run.params().values().get("database").equals(OltpDatabase.H2)) {
                    assertEquals(Status.OK, run.status(), run.error());
                    continue;
                }
                assertEquals(Status.FAILED, run.status());
                assertTrue(run.samples().isEmpty());
                String e = run.error();
                assertTrue(e.contains("unsupported: PostgreSQL is not reachable at jdbc:postgresql://127.0.0.1:1/none")
                        && e.contains("scripts/setup.sh postgresql") && e.contains("--param database=h2")
                        && e.contains("password=***") && !e.contains("secret"), e);
            }
        } finally {
            if (before == null) {
                System.clearProperty(OltpDatabase.PG_PROPERTY);
            } else {
                System.setProperty(OltpDatabase.PG_PROPERTY, before);
            }
        }
    }

    @Test
    void cryptoOutputsAreDeterministicWhereTheAlgorithmIsAndThroughputFollowsTheTimes() {
        Suite<?> s = Bench.suite(CryptoSuite.class).paramValues("bytes", 64, 1_024);
        Twice both = new Twice(tiny(s), tiny(Bench.suite(CryptoSuite.class).paramValues("bytes", 64, 1_024)));
        allOkAndDeterministic(both.a);
        assertEquals(hashes(both.a), hashes(both.b), "the same seed gives the same outputs in a second run");
        for (BenchmarkRun run : both.a.runs()) {
            long bytes = ((Number) run.params().values().get("bytes")).longValue();
            long out = run.outputHash().orElseThrow();
            switch (run.benchmark()) {
                case "ecdsa-p256.verify", "ed25519.verify" -> assertEquals(OutputHasher.hash(Boolean.TRUE), out);
                case "aes-gcm.encrypt", "chacha20-poly1305.encrypt" -> assertEquals(OutputHasher.hash(bytes + 16), out);
                case "ecdsa-p256.sign" -> assertEquals(OutputHasher.hash(64L), out);
                default -> { }
            }
        }
        Map<String, Long> h = hashes(both.a);
        assertNotEquals(h.get("sha-256 bytes=64"), h.get("sha-256 bytes=1024"));
        assertNotEquals(h.get("sha-256 bytes=64"), h.get("sha3-256 bytes=64"));
        assertEquals(h.get("pbkdf2-sha256 bytes=64"), h.get("pbkdf2-sha256 bytes=1024"),
                "PBKDF2 derives from the password and salt, not the payload");
        Table t = CryptoSuite.throughput(new dev.benchbook.Results(both.a));
        assertEquals(both.a.runs().size(), t.rowCount());
        for (Row row : t) {
            double ns = row.getDouble(Throughput.MEAN_NS);
            assertEquals(1e9 / ns, row.getDouble(CryptoSuite.OPS_PER_S), 1e-6 * 1e9 / ns);
            double mb = row.getDouble(CryptoSuite.MB_PER_S);
            if (row.getString("benchmark").equals("pbkdf2-sha256")) {
                assertTrue(Double.isNaN(mb));
            } else {
                long bytes = Long.parseLong(row.getString("params").replace("bytes=", ""));
                assertEquals(bytes * 1e3 / ns, mb, 1e-9 * mb);
                assertTrue(row.getDouble(CryptoSuite.MB_PER_S + Throughput.CI_LOW) <= mb
                        && mb <= row.getDouble(CryptoSuite.MB_PER_S + Throughput.CI_HIGH), row.toString());
            }
        }
    }

    /** Two runs of one suite. */
    private record Twice(RunResult a, RunResult b) {}

    @Test
    void theGeneratedProjectCompilesInMemoryToTheExpectedClassesAndTheSameBytes() throws Exception {
        for (String style : ProjectGenerator.STYLES) {
            List<JavaFileObject> units = InMemoryCompiler.units(ProjectGenerator.generate(12, style, new Random(3)));
            Map<String, byte[]> first;
            Map<String, byte[]> again;
            try (InMemoryCompiler c = InMemoryCompiler.create()) {
                first = c.compile(units);
                again = c.compile(units);
            }
            Map<String, byte[]> fresh;
            try (InMemoryCompiler c = InMemoryCompiler.create()) {
                fresh = c.compile(units);
            }
            assertEquals(12 * ProjectGenerator.CLASS_FILES_PER_SOURCE, first.size(), style + ": " + first.keySet());
            String top = style.equals("plain") ? "gen.C" : "gen.G";
            assertTrue(first.containsKey(top + "0") && first.containsKey(top + "11")
                    && first.containsKey(top + "11$" + (style.equals("plain") ? "Part" : "Entry")), first.keySet().toString());
            for (Map<String, byte[]> other : List.of(again, fresh)) {
                assertEquals(first.keySet(), other.keySet());
                first.forEach((name, bytes) -> assertArrayEquals(bytes, other.get(name), style + " " + name));
            }
        }
    }

    @Test
    void coldAndWarmCompilesReportTheirOutputAndAgreeOnTheBytecode() {
        RunResult r = tiny(Bench.suite(CompilerSuite.class).paramValues("classes", 3).paramValues("style", "generic"));
        allOkAndDeterministic(r);
        assertEquals(List.of("compile.cold", "compile.warm"), r.runs().stream().map(BenchmarkRun::benchmark).toList());
        for (BenchmarkRun run : r.runs()) {
            assertEquals(6, value(run, "class_files"), run.benchmark() + " " + run.params());
            assertTrue(value(run, "class_bytes") > 6 * 200, run.benchmark() + " " + value(run, "class_bytes"));
            assertTrue(value(run, "alloc_bytes_per_op") > value(run, "class_bytes"), run.benchmark());
            assertTrue(run.runValue("peak_heap_bytes") > 0, run.benchmark());
        }
        assertEquals(r.runs().get(0).outputHash(), r.runs().get(1).outputHash(), "cold and warm compile the same bytes");
    }

    @Test
    void theModelsAreTheSameInEveryRunAndInAFreshJvm() {
        RunResult a = tiny(Bench.suite(MlSuite.class).paramValues("samples", 400).paramValues("dims", 4));
        RunResult b = tiny(Bench.suite(MlSuite.class).paramValues("samples", 400).paramValues("dims", 4));
        RunResult forked = tiny(Bench.suite(MlSuite.class).paramValues("samples", 400).paramValues("dims", 4).forks(1));
        allOkAndDeterministic(a);
        allOkAndDeterministic(forked);
        assertEquals(hashes(a), hashes(b));
        assertEquals(hashes(a), hashes(forked), "a fresh JVM fits the same models bit for bit");
        for (BenchmarkRun run : forked.runs()) {
            assertTrue(run.samples().stream().allMatch(x -> x.fork() == 1), run.benchmark());
            if (run.benchmark().startsWith("logreg.g") || run.benchmark().startsWith("logreg.c")) {
                assertTrue(value(run, "accuracy") > 0.9, run.benchmark() + " " + value(run, "accuracy"));
            }
            if (run.benchmark().startsWith("kmeans")) {
                // Points lie a standard normal offset from their centre: about dims of squared distance each.
                double perPoint = value(run, "inertia") / 400;
                assertTrue(perPoint > 2 && perPoint < 6, run.benchmark() + " " + perPoint);
            }
        }
    }

    @Test
    void conjugateGradientReachesAtLeastTheLossOfGradientDescent() {
        Dataset d = Dataset.generate(500, 6, new Random(11));
        LogisticRegression gd = LogisticRegression.gradientDescent(d, MlSuite.EPOCHS, MlSuite.RATE);
        LogisticRegression cg = LogisticRegression.conjugateGradient(d, MlSuite.CG_ITERATIONS);
        double start = LogisticRegression.loss(d, new double[d.dims() + 1]);
        assertEquals(Math.log(2), start, 1e-12);
        assertTrue(LogisticRegression.loss(d, gd.weights()) < start / 2, "gradient descent should learn");
        assertTrue(LogisticRegression.loss(d, cg.weights()) <= LogisticRegression.loss(d, gd.weights()) + 1e-12);
        assertTrue(Math.abs(cg.accuracy(d) - gd.accuracy(d)) < 0.05, cg.accuracy(d) + " vs " + gd.accuracy(d));
        assertArrayEquals(gd.weights(), LogisticRegression.gradientDescent(d, MlSuite.EPOCHS, MlSuite.RATE).weights());
        assertFalse(java.util.Arrays.equals(gd.weights(), cg.weights()));
    }
}
