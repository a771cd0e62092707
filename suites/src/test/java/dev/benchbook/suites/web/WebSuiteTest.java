package dev.benchbook.suites.web;

import static dev.benchbook.suites.TinyRuns.allOkAndDeterministic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.load.LoadRunner;
import dev.benchbook.metric.Metric.Direction;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.ParamSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSuiteTest {

    @Test
    void everyServerAndBenchmarkAnswersTheWholeScheduleFromItsOwnJvm() {
        RunResult r = Bench.suite(WebSuite.class).paramValues("rate", 400).warmup(0).iterations(2).quiet().run()
                .result();
        assertEquals(6, r.runs().size(), "2 servers x 3 benchmarks");
        allOkAndDeterministic(r);
        for (BenchmarkRun run : r.runs()) {
            assertEquals(LoadRunner.ID, run.runner());
            for (IterationSample s : run.samples()) {
                Map<String, Double> v = s.values();
                String where = run.benchmark() + " " + run.params() + ": " + v;
                assertEquals(400.0, v.get("requests"), where);
                assertEquals(0.0, v.get("errors"), where);
                assertEquals(400, s.batchSize(), where);
                assertTrue(v.get("p50_ns") > 0 && v.get("p50_ns") <= v.get("p99_ns"), where);
                // The server is a JVM of its own: its resident set is tens of MB, and its pid is not ours.
                assertTrue(v.get("server_rss_bytes") > 20e6, where);
                assertTrue(v.containsKey("server_cpu_pct"), where);
            }
        }
        assertEquals(Direction.LOWER_IS_BETTER, r.metrics().find("p99_ns").orElseThrow().direction());
        assertEquals(Direction.LOWER_IS_BETTER, r.metrics().find("server_cpu_pct").orElseThrow().direction());
    }

    @Test
    void theServerJvmServesTheBenchmarksBodyAndStopsWhenItsInputCloses() throws Exception {
        var ctx = new BenchContext("web", "body-16k", new ParamSet(Map.of("server", "jetty", "rate", 1)), 1);
        WebSuite.Server server = WebSuite.start(ctx);
        Process p = server.process();
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var response = client.send(java.net.http.HttpRequest.newBuilder(server.uri("/body-16k")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(WebSuite.body(16384), response.body());
            assertTrue(p.pid() != ProcessHandle.current().pid());
        } finally {
            server.close();
        }
        assertFalse(p.isAlive(), "closing the server's input stops it");
    }

    @Test
    void badServerArgumentsNameTheOptionTheValueAndTheRule() throws Exception {
        assertEquals("serve: --threads x: must be a whole number >= 0", serve("jdk", "--threads", "x"));
        assertEquals("serve: threads(2): must be in 8..256; Jetty's acceptor and selectors take threads of the same "
                + "pool", serve("jetty", "--threads", "2"));
        assertEquals("serve: the first argument must be jdk (or loopback) or jetty, not 'tomcat'", serve("tomcat"));
        assertEquals("serve: unknown option --bogus", serve("jdk", "--bogus", "1"));
    }

    /** The first line ServeMain prints on stderr, after checking that it exits with 2. */
    private static String serve(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", WebSuite.classpath(), ServeMain.class.getName()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        return err.lines().findFirst().orElse("");
    }
}
