package dev.benchbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.metric.Metric;
import dev.benchbook.metric.MetricSource;
import dev.benchbook.metric.Metrics;
import dev.benchbook.plot.TestRuns;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.GitState;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SpecProblem;
import dev.benchbook.spec.SuiteDescriptor;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.spec.SuiteValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The suite runner's loop, events, environment and metric set, with fake runners: nothing is measured. */
class SuiteRunnerTest {
    private static final GitState GIT = new GitState("fedcba9876543210fedcba9876543210fedcba98", "feature", true);
    /** Iterations each fake run reports: one warmup, two measured. */
    private static final int FAKE_ITERATIONS = 3;

    /** Everything that happened, in order: supplier reads, listener events and runner calls. */
    private final List<String> log = new ArrayList<>();

    /** A runner that takes the benchmarks named in {@code accepts} (or all, when null) and returns canned runs. */
    private final class FakeRunner implements Runner {
        final String id;
        final Set<String> accepts;
        final String reason;
        final List<RunRequest> requests = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        FakeRunner(String id, Set<String> accepts, String reason) {
            this.id = id;
            this.accepts = accepts;
            this.reason = reason;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Support supports(SuiteSpec spec, BenchmarkSpec bench) {
            asked.add(bench.name());
            return accepts == null || accepts.contains(bench.name()) ? Support.YES : Support.no(reason);
        }

        @Override
        public BenchmarkRun run(RunRequest request, RunListener listener) {
            requests.add(request);
            log.add(id + " runs " + request.label());
            List<IterationSample> samples = new ArrayList<>();
            for (int i = 0; i < FAKE_ITERATIONS; i++) {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put(Metrics.CPU_NS.id(), 90.0 + i);
                values.put("rows", 5.0);
                values.put("widgets", 2.0 * i);
                IterationSample s = new IterationSample(i, i == 0, 0, 10, 1_000 + i, 0x1234L, values);
                samples.add(s);
                listener.onIteration(request.bench().name(), request.params(), s);
            }
            return new BenchmarkRun(request.bench().name(), request.params(), Status.OK, "", samples, StopReason.FIXED,
                    Map.of(Metrics.PEAK_HEAP_BYTES.id(), 4096.0), id);
        }
    }

    /** Writes every event to the log. */
    private final class RecordingListener implements RunListener {
        final List<Object> payloads = new ArrayList<>();

        @Override
        public void onSuiteStart(SuiteDescriptor suite) {
            log.add("suite start " + suite.name());
            payloads.add(suite);
        }

        @Override
        public void onBenchmarkStart(String benchmark, ParamSet params, int plannedIterations) {
            log.add("start " + benchmark + " [" + params + "] planned " + plannedIterations);
        }

        @Override
        public void onIteration(String benchmark, ParamSet params, IterationSample sample) {
            log.add("iteration " + benchmark + " [" + params + "] #" + sample.index());
        }

        @Override
        public void onBenchmarkEnd(BenchmarkRun run) {
            log.add("end " + run.benchmark() + " [" + run.params() + "] " + run.status().label());
            payloads.add(run);
        }

        @Override
        public void onSuiteEnd(RunResult result) {
            log.add("suite end " + result.runs().size() + " runs");
            payloads.add(result);
        }
    }

    /** A metric source that describes {@code rows} and cannot give {@code cycles} or {@code widgets}. */
    private static final class FakeSource implements MetricSource {
        final String id;
        final Map<String, String> unsupported;
        final List<Metric> metrics;

        FakeSource(String id, List<Metric> metrics, Map<String, String> unsupported) {
            this.id = id;
            this.metrics = metrics;
            this.unsupported = unsupported;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Metric> metrics() {
            return metrics;
        }

        @Override
        public Map<String, String> unsupported() {
            return unsupported;
        }

        @Override
        public Probe open() {
            throw new AssertionError("the suite runner opens no probe; runners do");
        }
    }

    private static final Metric ROWS = new Metric("rows", "count", Metric.Direction.HIGHER_IS_BETTER,
            Metric.Scope.PER_ITERATION, Metric.Aggregate.SUM, "rows processed per iteration");

    private Supplier<dev.benchbook.result.Environment> environment() {
        return () -> {
            log.add("environment read");
            return TestRuns.ENVIRONMENT;
        };
    }

    private Supplier<GitState> git() {
        return () -> {
            log.add("git read");
            return GIT;
        };
    }

    /** Params size {10, 20} (outer) × kind {a, b}, benchmarks alpha and beta, 1 warmup + 2 iterations. */
    private static SuiteSpec suite(MetricSource... own) {
        return Bench.suite("fake")
                .param("size", 10, 20)
                .param("kind", "a", "b")
                .benchmark("alpha", ctx -> 1)
                .benchmark("beta", ctx -> 2)
                .metrics(own)
                .warmup(1).iterations(2)
                .build();
    }

    private SuiteRunner runner(List<Runner> runners, List<MetricSource> sources, RunListener listener) {
        return new SuiteRunner(runners, sources, listener, environment(), git());
    }

    @Test
    void handsEveryCombinationToTheFirstRunnerThatSupportsItParamsOutermost() {
        FakeRunner onlyBeta = new FakeRunner("only-beta", Set.of("beta"), "takes beta only");
        FakeRunner any = new FakeRunner("any", null, "");
        FakeRunner never = new FakeRunner("never-reached", null, "");
        SuiteSpec spec = suite();
        RunResult r = runner(List.of(onlyBeta, any, never), List.of(), RunListener.NONE).run(spec);

        List<String> expected = new ArrayList<>();
        for (ParamSet p : spec.paramSets()) {
            expected.add("alpha [" + p + "]");
            expected.add("beta [" + p + "]");
        }
        assertEquals(List.of("alpha [size=10, kind=a]", "beta [size=10, kind=a]", "alpha [size=10, kind=b]",
                "beta [size=10, kind=b]", "alpha [size=20, kind=a]", "beta [size=20, kind=a]",
                "alpha [size=20, kind=b]", "beta [size=20, kind=b]"), expected, "params outermost, first param slowest");
        assertEquals(expected, r.runs().stream().map(run -> run.benchmark() + " [" + run.params() + "]").toList());
        assertEquals(expected.stream().map(e -> (e.startsWith("alpha") ? "any" : "only-beta") + " runs " + e).toList(),
                log.stream().filter(l -> l.contains(" runs ")).toList());
        assertEquals(4, onlyBeta.requests.size());
        assertTrue(onlyBeta.requests.stream().allMatch(q -> q.bench().name().equals("beta")));
        assertEquals(4, any.requests.size());
        assertTrue(any.requests.stream().allMatch(q -> q.bench().name().equals("alpha")));
        assertEquals(List.of(), never.requests);
        assertEquals(List.of(), never.asked, "a later runner is not even asked once an earlier one said yes");
        assertEquals(List.of("alpha", "beta"), onlyBeta.asked, "each benchmark is planned once, not per combination");
        r.runs().forEach(run -> assertEquals(run.benchmark().equals("alpha") ? "any" : "only-beta", run.runner(),
                "the runner id is kept in the run"));
        assertEquals(spec.describe(), r.suite());
    }

    @Test
    void aBenchmarkNoRunnerSupportsFailsBeforeAnythingRunsWithEveryRunnersReason() {
        FakeRunner onlyAlpha = new FakeRunner("only-alpha", Set.of("alpha"), "takes alpha only");
        FakeRunner none = new FakeRunner("picky", Set.of(), "takes nothing on Tuesdays");
        SuiteSpec spec = Bench.suite("fake")
                .benchmark("alpha", ctx -> 1)
                .benchmark("beta", ctx -> 2)
                .benchmark("gamma", ctx -> 3)
                .build();
        RecordingListener listener = new RecordingListener();
        SuiteValidationException e = assertThrows(SuiteValidationException.class,
                () -> runner(List.of(onlyAlpha, none), List.of(), listener).run(spec));

        assertEquals(List.of("\"beta\"", "\"gamma\""), e.problems().stream().map(SpecProblem::value).toList(),
                "every unsupported benchmark, alpha not among them");
        for (SpecProblem p : e.problems()) {
            assertEquals("benchmark", p.field());
            assertTrue(p.rule().contains("only-alpha: takes alpha only") && p.rule().contains(
                    "picky: takes nothing on Tuesdays"), p.rule());
            assertTrue(!p.fix().isBlank(), p.toString());
        }
        assertTrue(e.getMessage().contains("Suite 'fake' is invalid (2 problems)"), e.getMessage());
        assertTrue(e.getMessage().contains("benchmark(\"gamma\"): no runner can run it (only-alpha: takes alpha only; "
                + "picky: takes nothing on Tuesdays)"), e.getMessage());
        assertEquals(List.of(), log, "nothing ran, no event, neither environment nor git was read");
        assertEquals(List.of(), onlyAlpha.requests);
    }

    @Test
    void theFixOfANotebookSuiteThatCannotForkNamesSuiteFactory() {
        Runner fork = new FakeRunner("fork", Set.of(), "the suite was not built by a SuiteFactory, so a fresh JVM "
                + "cannot build it again");
        SuiteValidationException e = assertThrows(SuiteValidationException.class,
                () -> runner(List.of(fork), List.of(), RunListener.NONE).plan(suite()));
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).fix().contains("inProcessFallback()"), e.problems().get(0).fix());
    }

    @Test
    void listenerEventsComeInOrderAroundEveryRun() {
        RecordingListener listener = new RecordingListener();
        SuiteSpec spec = suite();
        RunResult r = runner(List.of(new FakeRunner("any", null, "")), List.of(), listener).run(spec);

        List<String> expected = new ArrayList<>(List.of("git read", "environment read", "suite start fake"));
        int planned = spec.controls().plannedIterations();
        assertEquals(3, planned, "1 warmup + 2 measured");
        for (ParamSet p : spec.paramSets()) {
            for (String b : List.of("alpha", "beta")) {
                expected.add("start " + b + " [" + p + "] planned " + planned);
                expected.add("any runs " + b + " [" + p + "]");
                for (int i = 0; i < FAKE_ITERATIONS; i++) {
                    expected.add("iteration " + b + " [" + p + "] #" + i);
                }
                expected.add("end " + b + " [" + p + "] ok");
            }
        }
        expected.add("suite end 8 runs");
        assertEquals(expected, log);
        assertEquals(spec.describe(), listener.payloads.get(0));
        assertEquals(r.runs(), listener.payloads.subList(1, 9), "onBenchmarkEnd gets each run as recorded");
        assertSame(r, listener.payloads.get(9), "onSuiteEnd gets the result run() returns");
    }

    @Test
    void environmentAndGitAreReadOnceAtTheStart() {
        Instant before = Instant.now();
        RunResult r = runner(List.of(new FakeRunner("any", null, "")), List.of(), new RecordingListener()).run(suite());
        assertEquals(1, log.stream().filter(l -> l.equals("environment read")).count());
        assertEquals(1, log.stream().filter(l -> l.equals("git read")).count());
        assertTrue(log.indexOf("environment read") < log.indexOf("suite start fake"));
        assertTrue(log.indexOf("git read") < log.indexOf("suite start fake"));
        assertSame(TestRuns.ENVIRONMENT, r.environment());
        assertEquals(GIT, r.git());
        assertTrue(!r.started().isBefore(before) && !r.started().isAfter(Instant.now()), r.started().toString());
        assertTrue(!r.elapsed().isNegative());
    }

    @Test
    void theRequestCarriesTheParamIndexAndEveryMetricSource() {
        MetricSource runnerWide = new FakeSource("runner-wide", List.of(), Map.of());
        MetricSource own = new FakeSource("suite-own", List.of(), Map.of());
        SuiteSpec spec = suite(own);
        FakeRunner any = new FakeRunner("any", null, "");
        runner(List.of(any), List.of(runnerWide), RunListener.NONE).run(spec);

        List<ParamSet> sets = spec.paramSets();
        assertEquals(8, any.requests.size());
        for (int i = 0; i < any.requests.size(); i++) {
            RunRequest q = any.requests.get(i);
            assertSame(spec, q.suite());
            assertEquals(i / 2, q.paramIndex());
            assertEquals(sets.get(q.paramIndex()), q.params(), "the index finds the same combination again");
            assertSame(spec.benchmarks().get(i % 2), q.bench());
            assertEquals(List.of(runnerWide, own), q.metricSources(), "the runner-wide sources, then the suite's own");
        }
    }

    @Test
    void theMetricSetListsUnsupportedReasonsAndInfersCustomMetrics() {
        MetricSource runnerWide = new FakeSource("pmu", List.of(), Map.of(Metrics.CYCLES.id(), "no hardware PMU here",
                "widgets", "widgets are never counted here"));
        MetricSource own = new FakeSource("rows", List.of(ROWS), Map.of(Metrics.CYCLES.id(), "a second reason",
                "instructions", "no PMU either"));
        RunResult r = runner(List.of(new FakeRunner("any", null, "")), List.of(runnerWide), RunListener.NONE)
                .run(suite(own));

        assertEquals(List.of("wall_ns", "cpu_ns", "peak_heap_bytes", "rows", "widgets"),
                r.metrics().metrics().stream().map(Metric::id).toList());
        assertEquals(ROWS, r.metrics().find("rows").orElseThrow(), "a source's descriptor");
        assertEquals(Metric.custom("widgets"), r.metrics().find("widgets").orElseThrow(),
                "a metric no source describes is custom");
        assertEquals(Metrics.PEAK_HEAP_BYTES, r.metrics().find("peak_heap_bytes").orElseThrow());
        assertEquals(Map.of("cycles", "no hardware PMU here", "instructions", "no PMU either"), r.metrics().unsupported(),
                "the first source's reason; a metric some run carries is not unsupported");
    }
}
