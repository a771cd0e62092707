package dev.benchbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.metric.Metric.Direction;
import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.MetricComparison;
import dev.benchbook.regress.RegressionDetector;
import dev.benchbook.regress.RunNoise;
import dev.benchbook.regress.Verdict;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.SuiteValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LoadRunnerTest {

    private static Results steady(LoopbackServer.Builder server, double rate, int iterations) {
        return Bench.suite("web")
                .setup(ctx -> server.start())
                .teardown((ctx, s) -> s.close())
                .load("hello", (ctx, s) -> Load.http(s.uri("/hello")).rate(rate).warmup(Duration.ZERO)
                        .duration(Duration.ofMillis(400)).connections(4).server(s.process().pid()))
                .warmup(1).iterations(iterations).quiet().run();
    }

    @Test
    void eachIterationIsOneLoadRunWithItsPercentilesAsMetrics() {
        Results r = steady(LoopbackServer.builder(), 500, 3);
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        assertEquals(LoadRunner.ID, run.runner());
        assertEquals(StopReason.FIXED, run.stopReason());
        assertEquals(List.of(true, false, false, false), run.samples().stream().map(IterationSample::warmup).toList());
        for (IterationSample s : run.samples()) {
            var v = s.values();
            assertEquals(200.0, v.get("requests"), "500/s over 400 ms schedules 200 requests: " + v);
            assertEquals(0.0, v.get("errors"), v.toString());
            assertEquals(0.0, v.get("dropped"), v.toString());
            assertEquals(200, s.batchSize(), "the operations are the ok responses");
            assertEquals(500.0, v.get("target_rps"));
            assertTrue(Math.abs(v.get("achieved_rps") - 500) < 100, "achieved about the target: " + v);
            double p50 = v.get("p50_ns");
            double p99 = v.get("p99_ns");
            assertTrue(p50 > 0 && p50 <= p99 && p99 <= v.get("p999_ns") && v.get("p999_ns") <= v.get("latency_max_ns"),
                    "percentiles in order: " + v);
            double mean = (double) s.wallNs() / s.batchSize();
            assertTrue(mean > 0 && mean <= v.get("latency_max_ns"), "time per op is the mean latency: " + mean);
            assertTrue(v.get("server_rss_bytes") > 1 << 20, "the named server's RSS: " + v);
        }
        assertTrue(run.deterministic(), "a healthy server answers every scheduled request in every iteration");

        var metrics = r.result().metrics();
        assertEquals(Direction.LOWER_IS_BETTER, metrics.find("p99_ns").orElseThrow().direction());
        assertEquals(Direction.HIGHER_IS_BETTER, metrics.find("achieved_rps").orElseThrow().direction());
        assertEquals("req/s", metrics.find("achieved_rps").orElseThrow().unit());
        Table summary = r.summary();
        for (String c : List.of("mean_ns", "p50_ns", "p99_ns", "achieved_rps", "errors", "dropped")) {
            assertTrue(summary.columnNames().contains(c), c + " in " + summary.columnNames());
        }
        Table headline = r.headline();
        assertTrue(headline.columnNames().containsAll(List.of("p50", "p99", "req/s", "errors/window")),
                headline.columnNames().toString());
        assertEquals("0", headline.getString(0, "errors/window"));
        assertTrue(Math.abs(Double.parseDouble(headline.getString(0, "req/s")) - 500) < 100, headline.print());
    }

    @Test
    void aStallShowsAsAP99RegressionAgainstTheSameLoadWithoutIt() {
        Results calm = steady(LoopbackServer.builder(), 400, 3);
        Results stalled = steady(LoopbackServer.builder().stall(Duration.ofMillis(200), Duration.ofMillis(60)), 400, 3);
        double calmP99 = calm.result().runs().get(0).samples().get(1).values().get("p99_ns");
        double stalledP99 = stalled.result().runs().get(0).samples().get(1).values().get("p99_ns");
        assertTrue(stalledP99 > 30e6 && stalledP99 > 5 * calmP99,
                "the open model's p99 holds the 60 ms stalls: " + stalledP99 + " vs " + calmP99);

        var analysis = new RegressionDetector(DetectorConfig.DEFAULTS.allowingChangedCode(true))
                .compare(calm.result(), "calm", stalled.result(), "stalled", RunNoise.NONE);
        MetricComparison p99 = analysis.rows().stream().filter(m -> m.metric().equals("p99_ns")).findFirst()
                .orElseThrow(() -> new AssertionError("p99_ns is compared: " + analysis.rows()));
        assertEquals(Verdict.REGRESSION, p99.verdict(), p99.toString());
    }

    @Test
    void aServerThatOnlyFailsFailsTheBenchmarkWithTheErrorsByKind() {
        Results r = steady(LoopbackServer.builder().status(503), 200, 2);
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.FAILED, run.status());
        assertTrue(run.error().contains("no request succeeded at iteration 0") && run.error().contains("status 5xx"),
                run.error());
    }

    @Test
    void setupBodyAndTeardownFailuresAreRecordedAndTheTeardownStillRuns() {
        AtomicInteger tornDown = new AtomicInteger();
        Results r = Bench.suite("web")
                .setup(ctx -> LoopbackServer.start())
                .teardown((ctx, s) -> {
                    s.close();
                    tornDown.incrementAndGet();
                })
                .load("bad-uri", (ctx, s) -> Load.http(s.uri("/x")).rate(-5))
                .load("throws", (ctx, s) -> {
                    throw new IllegalStateException("no load today");
                })
                .warmup(0).iterations(1).quiet().run();
        var runs = r.result().runs();
        assertEquals(Status.FAILED, runs.get(0).status());
        assertTrue(runs.get(0).error().contains("rate(-5.0): must be in (0, 1000000]"), runs.get(0).error());
        assertEquals(Status.FAILED, runs.get(1).status());
        assertTrue(runs.get(1).error().startsWith("benchmark threw IllegalStateException: no load today"),
                runs.get(1).error());
        assertEquals(2, tornDown.get(), "the teardown ran after each failure");

        Results setup = Bench.suite("web").setup(ctx -> {
            throw new IllegalStateException("port taken");
        }).load("x", (ctx, s) -> Load.http(java.net.URI.create("http://127.0.0.1:1/")).rate(1)).quiet().run();
        assertTrue(setup.result().runs().get(0).error().startsWith("setup threw IllegalStateException: port taken"),
                setup.result().runs().get(0).error());
    }

    @Test
    void anIterationThatCannotFitTheTimeoutStopsTheBenchmarkAsTimedOut() {
        Results r = Bench.suite("web")
                .setup(ctx -> LoopbackServer.start())
                .teardown((ctx, s) -> s.close())
                .load("long", (ctx, s) -> Load.http(s.uri("/")).rate(100).warmup(Duration.ZERO)
                        .duration(Duration.ofMillis(700)))
                .warmup(0).iterations(3).timeout(Duration.ofSeconds(3)).quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.TIMED_OUT, run.status(), run.error());
        assertTrue(run.samples().size() >= 1 && run.samples().size() < 3, run.samples().size() + " iterations");
        assertTrue(run.error().contains("exceeded timeout PT3S before iteration " + run.samples().size())
                && run.error().contains("raise .timeout(...) or shorten the load"), run.error());
    }

    @Test
    void loadsCannotRunOnSeveralBenchmarkThreads() {
        var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("web")
                .load("x", (ctx, s) -> Load.http(java.net.URI.create("http://127.0.0.1:1/")).rate(1))
                .threads(2).build());
        assertTrue(e.getMessage().contains("load(\"x\")") && e.getMessage().contains("raise the load's connections(n)"),
                e.getMessage());
    }
}
