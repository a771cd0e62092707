package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Results;
import dev.benchbook.result.BenchmarkRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteGroupRunTest {
    @TempDir
    Path tmp;

    @Test
    void aCatalogSuiteRunsByShortNameWithParamOverrides() {
        Path out = tmp.resolve("run.json");
        Cli.Result r = new Cli().run("run", "--suite", "hash-map", "--param", "size=200", "--param", "map=fastutil",
                "--param", "keys=sequential", "--warmup", "1", "--iterations", "2", "--iteration-time", "2ms",
                "--out", out.toString(), "--quiet", "--no-history");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        Results res = Results.read(out);
        assertEquals("hash-map", res.result().suite().name());
        for (BenchmarkRun run : res.result().runs()) {
            assertEquals(200, run.params().values().get("size"));
            assertEquals("fastutil", run.params().values().get("map"));
        }
    }

    @Test
    void aGroupWritesOneRunFilePerSuite() {
        Path out = tmp.resolve("run.json");
        Cli.Result r = new Cli().run("run", "--suite", "standard", "--param", "size=64", "--param", "pattern=random",
                "--param", "map=hash-map", "--param", "keys=random", "--param", "text=ascii", "--param", "orders=3",
                "--param", "lines=3", "--param", "payload=64", "--param", "delay_us=0", "--param", "latency=fixed",
                "--param", "data=text", "--param", "threads=2", "--warmup", "0", "--iterations", "1",
                "--iteration-time", "1ms", "--out", out.toString(), "--quiet", "--no-history");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        for (String s : new String[] {"sorting-algorithms", "hash-map", "strings", "matrix", "json", "network",
            "compression", "concurrent"}) {
            Path f = tmp.resolve("run-" + s + ".json");
            assertTrue(Files.exists(f), f + " missing: " + r);
            assertTrue(Results.read(f).result().runs().size() > 0);
        }
    }

    @Test
    void theRealWorldGroupWritesOneRunFilePerArea() {
        Path out = tmp.resolve("run.json");
        Cli.Result r = new Cli().run("run", "--suite", "real-world", "--param", "database=h2", "--param", "accounts=20",
                "--param", "bytes=64", "--param", "classes=2", "--param", "style=plain", "--param", "samples=100",
                "--param", "dims=2", "--param", "server=jdk", "--param", "rate=200", "--warmup", "0", "--iterations", "1",
                "--iteration-time", "1ms", "--out",
                out.toString(), "--quiet", "--no-history");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        for (String s : new String[] {"web", "sql", "crypto", "compiler", "ml"}) {
            Path f = tmp.resolve("run-" + s + ".json");
            assertTrue(Files.exists(f), f + " missing: " + r);
            Results res = Results.read(f);
            assertTrue(res.result().runs().size() > 0);
            assertTrue(res.problems().isEmpty(), s + ": " + res.problems());
        }
        assertTrue(Results.read(tmp.resolve("run-sql.json")).result().runs().stream()
                .allMatch(run -> run.params().values().get("database").equals("h2")));
    }

    @Test
    void theWebGroupRunsItsLoadsAndChecksTheirLatenciesAgainstABaseline() {
        Path base = tmp.resolve("base.json");
        Path baselines = tmp.resolve("baselines");
        Cli.Result r = new Cli().run("run", "--suite", "web", "--param", "server=jetty", "--param", "rate=300",
                "--warmup", "1", "--iterations", "3", "--out", base.toString(), "--save-baseline", "main",
                "--baselines", baselines.toString(), "--quiet", "--no-history");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        Results res = Results.read(base);
        assertEquals(3, res.result().runs().size(), "hello, body-16k and cpu-50us");
        for (BenchmarkRun run : res.result().runs()) {
            assertEquals(dev.benchbook.load.LoadRunner.ID, run.runner());
            assertEquals(300.0, run.measured().get(0).values().get("requests"), run.toString());
        }
        assertTrue(res.summary().columnNames().containsAll(java.util.List.of("p99_ns", "achieved_rps", "errors")),
                res.summary().columnNames().toString());

        Cli.Result check = new Cli().run("check", "--against", "main", "--run", base.toString(), "--baselines",
                baselines.toString());
        assertEquals(ExitCodes.OK, check.code(), check.toString());
        assertTrue(check.out().contains("p99_ns") && check.out().contains("achieved_rps"),
                "the gate compares the load metrics: " + check.out());
    }

    @Test
    void anUnreachablePostgresqlFailsItsSqlRunsWithTheReasonAndH2StillRuns() {
        Path out = tmp.resolve("run.json");
        String before = System.getProperty("benchbook.sql.postgresql");
        System.setProperty("benchbook.sql.postgresql", "jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret");
        try {
            Cli.Result r = new Cli().run("run", "--suite", "sql", "--param", "accounts=20", "--warmup", "0",
                    "--iterations", "1", "--iteration-time", "1ms", "--out", out.toString(), "--quiet", "--no-history");
            assertEquals(ExitCodes.BENCHMARK_FAILED, r.code(), r.toString());
            assertTrue(r.err().contains("point-select [database=postgresql, accounts=20] failed: setup threw "
                    + "DatabaseUnavailableException: unsupported: PostgreSQL is not reachable")
                    && r.err().contains("scripts/setup.sh postgresql") && !r.err().contains("secret"), r.toString());
            for (BenchmarkRun run : Results.read(out).result().runs()) {
                boolean h2 = run.params().values().get("database").equals("h2");
                assertEquals(h2, run.status() == dev.benchbook.result.Status.OK, run.benchmark() + " " + run.params() + ": " + run.error());
            }
        } finally {
            if (before == null) {
                System.clearProperty("benchbook.sql.postgresql");
            } else {
                System.setProperty("benchbook.sql.postgresql", before);
            }
        }
    }

    @Test
    void anUnknownNameListsWhatExists() {
        Cli.Result r = new Cli().run("run", "--suite", "hashmaps", "--quiet", "--no-history");
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("standard") && r.err().contains("hash-map") && r.err().contains("sorting")
                && r.err().contains("real-world") && r.err().contains("sql") && r.err().contains("ml"), r.toString());
    }

    @Test
    void aBadParamValueNamesTheType() {
        Cli.Result r = new Cli().run("run", "--suite", "matrix", "--param", "size=big", "--quiet", "--no-history");
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--param size=big") && r.err().contains("is not an integer") && r.err().contains("e.g. size="), r.toString());
    }
}
