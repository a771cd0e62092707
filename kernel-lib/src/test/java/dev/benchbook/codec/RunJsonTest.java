package dev.benchbook.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.analysis.ExpectationViolated;
import dev.benchbook.analysis.Finding;
import dev.benchbook.analysis.Findings;
import dev.benchbook.analysis.MemoryVariance;
import dev.benchbook.analysis.NonDeterministicOutput;
import dev.benchbook.analysis.TimingVariance;
import dev.benchbook.jmh.JmhJson;
import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import dev.benchbook.plot.FigureJs;
import dev.benchbook.plot.Plots;
import dev.benchbook.plot.TestRuns;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.MetricSet;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.Expectation;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.SuiteDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class RunJsonTest {
    private static final String GOLDEN = "run-sorting.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A custom metric with its own descriptor, as a metric source would describe it. */
    private static final Metric COMPARISONS = new Metric("comparisons", "count", Metric.Direction.NEUTRAL,
            Metric.Scope.PER_OP, Metric.Aggregate.MEAN, "key comparisons per sort");
    private static final String NO_PMU = "no hardware PMU exposed (/sys/bus/event_source/devices/cpu is missing)";
    private static final String NO_RUSAGE = "unsupported by the process runner: Java's Process API gives no per-child"
            + " rusage";

    // ---- fixtures -------------------------------------------------------------------------------

    /**
     * {@link TestRuns#sorting()} made to carry everything the format holds: a custom metric in every
     * sample ({@code comparisons}, and {@code items} reported by the benchmark), {@code peak_heap_bytes}
     * run values, unsupported metrics with reasons, the in-process runner id, and data that trips a
     * finding of every kind: parallel.sort at 1000 has a slow iteration (TimingVariance), arrays.sort at
     * 10000 allocates more in one iteration (MemoryVariance), parallel.sort at 100000 changes its output
     * hash (NonDeterministicOutput), and arrays.sort at 100000 is slower than its expected bound
     * (ExpectationViolated).
     */
    static RunResult sorting() {
        RunResult base = TestRuns.sorting();
        SuiteDescriptor s = base.suite();
        Checks checks = new Checks(0.05, 0.05, List.of(new Expectation(Expectation.Metric.MEAN_NS, 1_000_000,
                "arrays.sort")), false);
        SuiteDescriptor suite = new SuiteDescriptor(s.name(), s.description(), s.params(), s.benchmarks(),
                s.controls(), checks, s.baseline());
        List<BenchmarkRun> runs = new ArrayList<>();
        for (BenchmarkRun r : base.runs()) {
            if (r.status() != Status.OK) {
                runs.add(new BenchmarkRun(r.benchmark(), r.params(), r.status(), r.error(), r.samples(),
                        r.stopReason(), Map.of(), "in-process"));
                continue;
            }
            int size = (Integer) r.params().values().get("size");
            boolean arrays = r.benchmark().equals("arrays.sort");
            List<IterationSample> samples = new ArrayList<>();
            for (IterationSample x : r.samples()) {
                Map<String, Double> v = new LinkedHashMap<>(x.values());
                long wall = x.wallNs();
                long hash = x.outputHash();
                if (!arrays && size == 1_000 && x.index() == 6) {
                    wall = wall * 13 / 10;
                }
                if (arrays && size == 10_000 && x.index() == 5) {
                    v.put(Metrics.ALLOC_BYTES_PER_OP.id(), v.get(Metrics.ALLOC_BYTES_PER_OP.id()) * 1.5);
                }
                if (!arrays && size == 100_000 && x.index() == 4) {
                    hash = 0xfeedfacecafebeefL;
                }
                v.put(COMPARISONS.id(), Math.rint(size * Math.log(size) / Math.log(2)));
                v.put("items", (double) size);
                samples.add(new IterationSample(x.index(), x.warmup(), x.fork(), x.batchSize(), wall, hash, v));
            }
            runs.add(new BenchmarkRun(r.benchmark(), r.params(), r.status(), r.error(), samples, r.stopReason(),
                    Map.of(Metrics.PEAK_HEAP_BYTES.id(), (double) (16L * size + (1L << 20))), "in-process"));
        }
        Map<String, String> unsupported = new LinkedHashMap<>();
        unsupported.put(Metrics.CYCLES.id(), NO_PMU);
        unsupported.put(Metrics.INSTRUCTIONS.id(), NO_PMU);
        unsupported.put(Metrics.USER_NS.id(), NO_RUSAGE);
        MetricSet metrics = MetricSet.inferred(runs, List.of(COMPARISONS), unsupported);
        return new RunResult(suite, base.environment(), base.git(), base.started(), base.elapsed(), runs, metrics);
    }

    /**
     * One benchmark over params of every type: int, long (one value beyond int range, one within),
     * double, string, and a mixed param of int, string, double and long values.
     */
    static RunResult typedParams() {
        List<ParamSpec> params = List.of(
                new ParamSpec("n", List.of(7)),
                new ParamSpec("limit", List.of(5L, 3_000_000_000L)),
                new ParamSpec("load", List.of(0.25)),
                new ParamSpec("kind", List.of("random")),
                new ParamSpec("mix", List.of(1, "two", 3.5, 4L)));
        SuiteDescriptor suite = new SuiteDescriptor("typed", "params of every type", params, List.of("work"),
                TestRuns.controls());
        List<BenchmarkRun> runs = new ArrayList<>();
        long seed = 100;
        for (ParamSet p : ParamSet.cartesian(params)) {
            runs.add(TestRuns.run("work", p, 500, 24, seed++));
        }
        return new RunResult(suite, TestRuns.ENVIRONMENT, TestRuns.GIT, TestRuns.STARTED, Duration.ofSeconds(3), runs);
    }

    private static String golden() {
        try (InputStream in = RunJsonTest.class.getResourceAsStream("/golden/" + GOLDEN)) {
            return in == null ? "<missing golden file src/test/resources/golden/" + GOLDEN + ">"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jmhFixture() {
        try {
            return Path.of(RunJsonTest.class.getResource("/jmh/sortbench-avgt-us.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the format, pinned ---------------------------------------------------------------------

    @Test
    void fixtureHasAFindingOfEveryKind() {
        List<Finding> findings = Findings.of(sorting());
        List<String> kinds = findings.stream().map(Finding::kind).distinct().sorted().toList();
        assertEquals(List.of("ExpectationViolated", "MemoryVariance", "NonDeterministicOutput", "TimingVariance"),
                kinds, findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f instanceof NonDeterministicOutput n
                && n.benchmark().equals("parallel.sort") && n.actualHash() == 0xfeedfacecafebeefL));
        assertTrue(findings.stream().anyMatch(f -> f instanceof TimingVariance t && t.params().values().get("size")
                .equals(1_000)));
        assertTrue(findings.stream().anyMatch(f -> f instanceof MemoryVariance m && m.iteration() == 5));
        assertTrue(findings.stream().anyMatch(f -> f instanceof ExpectationViolated e && e.params().values()
                .get("size").equals(100_000)));
    }

    @Test
    void runJsonMatchesTheGoldenFile() throws IOException {
        RunResult r = sorting();
        String actual = RunJson.toJson(r, Findings.of(r));
        String expected = golden();
        if (!expected.equals(actual)) {
            Path out = Path.of("target", "golden-actual", GOLDEN);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
            assertEquals(expected, actual, "golden file " + GOLDEN + " differs; the actual text is in "
                    + out.toAbsolutePath() + ": review it and copy it to src/test/resources/golden/" + GOLDEN
                    + " if the change is intended");
        }
    }

    @Test
    void goldenFileHoldsWhatAReaderNeedsAndNoNonFiniteNumbers() throws IOException {
        String text = golden();
        assertFalse(text.contains("NaN") || text.contains("Infinity"), "non-finite numbers are not JSON");
        JsonNode root = MAPPER.readTree(text);
        assertEquals(RunJson.FORMAT, root.get("format").asText());
        assertEquals(RunJson.SCHEMA_VERSION, root.get("schema_version").asInt());
        assertEquals("0123456789abcdef0123456789abcdef01234567", root.at("/git/commit").asText());
        assertEquals("main", root.at("/git/branch").asText());
        assertEquals("int", root.at("/suite/params/0/type").asText());
        assertEquals(NO_PMU, root.at("/unsupported/cycles").asText());
        assertEquals(NO_RUSAGE, root.at("/unsupported/user_ns").asText());
        List<String> metricIds = new ArrayList<>();
        root.get("metrics").forEach(m -> metricIds.add(m.get("id").asText()));
        assertEquals(List.of("wall_ns", "cpu_ns", "alloc_bytes_per_op", "gc_count", "gc_time_ms", "peak_heap_bytes",
                "comparisons", "items"), metricIds);
        assertEquals("count", root.at("/metrics/6/unit").asText(), "a source's descriptor is kept");
        assertEquals("neutral", root.at("/metrics/7/direction").asText(), "an undescribed metric is custom");
        JsonNode run = root.at("/runs/0");
        assertEquals("arrays.sort", run.get("benchmark").asText());
        assertEquals(1000, run.at("/params/size").asInt());
        assertEquals("in-process", run.get("runner").asText());
        assertEquals(16.0 * 1000 + (1 << 20), run.at("/run_values/peak_heap_bytes").asDouble());
        assertEquals(TestRuns.WARMUP + TestRuns.ITERATIONS, run.get("samples").size());
        assertTrue(run.at("/samples/0/warmup").asBoolean());
        assertEquals("0000000000005eed", run.at("/samples/0/output_hash").asText());
        assertEquals(1000.0, run.at("/samples/0/values/items").asDouble());
        JsonNode broken = root.at("/runs/2");
        assertEquals("failed", broken.get("status").asText());
        assertEquals("benchmark threw IllegalStateException: no", broken.get("error").asText());
        assertEquals(0, broken.get("samples").size());
        List<String> kinds = new ArrayList<>();
        root.get("findings").forEach(f -> kinds.add(f.get("kind").asText()));
        assertTrue(kinds.containsAll(List.of("ExpectationViolated", "MemoryVariance", "NonDeterministicOutput",
                "TimingVariance")), kinds.toString());
        root.get("findings").forEach(f -> assertFalse(f.get("message").asText().isEmpty()));
    }

    // ---- round trips ----------------------------------------------------------------------------

    @Test
    void writeThenReadGivesEqualRecordsAndFindings(@TempDir Path dir) {
        List<RunResult> all = List.of(sorting(), typedParams(), TestRuns.noParams(), TestRuns.hostile(),
                TestRuns.allFailed());
        for (int i = 0; i < all.size(); i++) {
            RunResult r = all.get(i);
            List<Finding> findings = Findings.of(r);
            RunJson.RunFile back = RunJson.read(RunJson.write(r, findings, dir.resolve("run-" + i + ".json")));
            assertEquals(r, back.result(), r.suite().name());
            assertEquals(findings, back.findings(), r.suite().name());
        }
    }

    @Test
    void boundsTurnedOffReadBackAsInfinite() {
        RunResult base = TestRuns.noParams();
        SuiteDescriptor s = base.suite();
        Checks off = new Checks(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                List.of(new Expectation(Expectation.Metric.CV, Double.POSITIVE_INFINITY, null)), true);
        RunResult r = new RunResult(new SuiteDescriptor(s.name(), s.description(), s.params(), s.benchmarks(),
                s.controls(), off, s.baseline()), base.environment(), base.git(), base.started(), base.elapsed(),
                base.runs(), base.metrics());
        String json = RunJson.toJson(r, List.of());
        assertFalse(json.contains("Infinity"), "JSON has no infinity");
        assertEquals(off, RunJson.parse(json, "off.json").result().suite().checks());
    }

    @Test
    void paramValuesReadBackAsTheTypesTheyWereDeclaredWith() {
        RunResult r = typedParams();
        String json = RunJson.toJson(r, List.of());
        JsonNode params;
        try {
            params = MAPPER.readTree(json).at("/suite/params");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of("int", "long", "double", "string", "mixed"),
                List.of(params.at("/0/type").asText(), params.at("/1/type").asText(), params.at("/2/type").asText(),
                        params.at("/3/type").asText(), params.at("/4/type").asText()));
        assertEquals("[1,\"two\",3.5,4]", params.at("/4/values").toString());
        assertEquals("[\"int\",\"string\",\"double\",\"long\"]", params.at("/4/types").toString());
        assertTrue(params.at("/1/types").isMissingNode(), "only a mixed param lists a type per value");
        RunResult back = RunJson.parse(json, "typed.json").result();
        assertEquals(r.suite().params(), back.suite().params());
        List<Object> mix = back.suite().params().get(4).values();
        assertEquals(List.of(Integer.class, String.class, Double.class, Long.class),
                mix.stream().map(Object::getClass).toList());
        assertEquals(List.of(5L, 3_000_000_000L), back.suite().params().get(1).values());
        for (int i = 0; i < r.runs().size(); i++) {
            Map<String, Object> a = r.runs().get(i).params().values();
            Map<String, Object> b = back.runs().get(i).params().values();
            assertEquals(a, b);
            a.forEach((k, v) -> assertEquals(v.getClass(), b.get(k).getClass(), k + "=" + v));
        }
    }

    @Test
    void resultsReadBackGiveEqualTablesReportsAndPlots(@TempDir Path dir) throws IOException {
        Results original = new Results(sorting());
        Results back = Results.read(original.writeJson(dir.resolve("sorting.json")));
        assertEquals(original.result(), back.result());
        assertEquals(original.findingList(), back.findingList());
        assertTablesEqual(original.summary(), back.summary());
        assertTablesEqual(original.samples(), back.samples());
        assertTablesEqual(original.allSamples(), back.allSamples());
        assertTablesEqual(original.headline(), back.headline());
        assertTablesEqual(original.metrics(), back.metrics());
        assertTablesEqual(original.findings(), back.findings());
        assertEquals(original.markdown(), back.markdown());
        assertEquals(original.toText(), back.toText());
        String html = Files.readString(original.report(dir.resolve("a.html")));
        assertEquals(html, Files.readString(back.report(dir.resolve("b.html"))));
        assertTrue(html.contains("comparisons") && html.contains(NO_PMU), "the report shows metrics and reasons");
        assertEquals(FigureJs.js(Plots.distribution(original)), FigureJs.js(Plots.distribution(back)));
        assertEquals(FigureJs.js(Plots.scaling(original, "size")), FigureJs.js(Plots.scaling(back, "size")));
        assertEquals(FigureJs.js(Plots.timeline(original, "arrays.sort")),
                FigureJs.js(Plots.timeline(back, "arrays.sort")));
        assertEquals(FigureJs.js(Plots.histogram(original, "parallel.sort")),
                FigureJs.js(Plots.histogram(back, "parallel.sort")));
        assertEquals(FigureJs.js(Plots.ratio(original, "arrays.sort")), FigureJs.js(Plots.ratio(back, "arrays.sort")));
    }

    @Test
    void aMeasuredRunRoundTripsWithEqualSummaryTables(@TempDir Path dir) {
        Results measured = Bench.suite("measured")
                .param("n", 64, 512)
                .param("limit", 10L, 20L)
                .benchmark("sum", ctx -> {
                    int n = ctx.intParam("n");
                    long s = 0;
                    for (int i = 0; i < n; i++) {
                        s += ctx.random().nextInt(100);
                    }
                    ctx.metric("items", n);
                    return s;
                })
                .benchmark("concat", ctx -> "x".repeat(ctx.intParam("n")))
                .quiet().iterations(3).warmup(1).iterationTime(Duration.ofMillis(2))
                .run();
        assertEquals(4 * 2, measured.result().runs().size());
        assertTrue(measured.result().metrics().has("items"), measured.result().metrics().toString());
        Results back = Results.read(measured.writeJson(dir.resolve("measured.json")));
        assertEquals(measured.result(), back.result());
        assertEquals(measured.findingList(), back.findingList());
        assertTablesEqual(measured.summary(), back.summary());
        assertTablesEqual(measured.headline(), back.headline());
        assertTablesEqual(measured.allSamples(), back.allSamples());
    }

    @Test
    void resultsReadsAJmhResultArrayAsJmhData() {
        Results viaResults = Results.read(jmhFixture());
        RunResult direct = JmhJson.read(jmhFixture());
        assertEquals(direct, viaResults.result());
        assertTablesEqual(new Results(direct).summary(), viaResults.summary());
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunJson.read(jmhFixture()));
        assertTrue(e.getMessage().contains("sortbench-avgt-us.json"), e.getMessage());
        assertTrue(e.problem().contains("JMH") && e.problem().contains("JmhJson.read"), e.problem());
    }

    // ---- bad files ------------------------------------------------------------------------------

    @Test
    void aMissingFileIsNamedWithTheFix(@TempDir Path dir) {
        Path file = dir.resolve("baselines/main.json");
        RunFormatException e = assertThrows(RunFormatException.class, () -> Results.read(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.problem().contains("no such file") && e.problem().contains("writeJson"), e.problem());
    }

    @Test
    void anEmptyFileSaysItIsEmpty(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("empty.json"), "");
        RunFormatException e = assertThrows(RunFormatException.class, () -> Results.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals("line 1, column 1", e.position());
        assertTrue(e.problem().contains("empty"), e.problem());
        assertEquals(file + " at line 1, column 1: " + e.problem(), e.getMessage());
    }

    @Test
    void aTruncatedFileSaysTruncatedAtTheLineAndColumnWhereItEnds(@TempDir Path dir) throws IOException {
        String text = golden();
        String half = text.substring(0, text.length() / 2);
        Path file = Files.writeString(dir.resolve("half.json"), half);
        RunFormatException e = assertThrows(RunFormatException.class, () -> Results.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(endOf(half), e.position());
        assertTrue(e.problem().contains("truncated"), e.problem());
        assertTrue(e.getMessage().startsWith(file + " at " + endOf(half) + ": "), e.getMessage());
    }

    @Test
    void everyCutOfTheFileIsReportedAsTruncated() {
        String text = RunJson.toJson(sorting(), Findings.of(sorting())).stripTrailing();
        int findings = text.indexOf("\"findings\"");
        // Every cut through the suite, environment, metrics and first samples and through the findings,
        // so through every kind of token; a sparser sample of the rest of the samples.
        for (int cut = 1; cut < text.length(); cut += cut < 4_000 || cut > findings ? 1 : 31) {
            String part = text.substring(0, cut);
            RunFormatException e = assertThrows(RunFormatException.class, () -> RunJson.parse(part, "cut.json"),
                    "cut at " + cut);
            assertTrue(e.problem().contains("truncated"), "cut at " + cut + " ("
                    + part.substring(Math.max(0, cut - 20)) + "): " + e.getMessage());
            assertTrue(e.position().matches("line \\d+, column \\d+"), e.getMessage());
        }
    }

    @Test
    void corruptJsonNamesTheLineAndColumn(@TempDir Path dir) throws IOException {
        String text = RunJson.toJson(TestRuns.noParams(), List.of());
        int at = text.indexOf("\"suite\"");
        String corrupt = text.substring(0, at) + "@" + text.substring(at);
        Path file = Files.writeString(dir.resolve("corrupt.json"), corrupt);
        RunFormatException e = assertThrows(RunFormatException.class, () -> Results.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(endOf(text.substring(0, at)), e.position(), "the position of the bad character");
        assertTrue(e.problem().startsWith("corrupt JSON") && e.problem().contains("'@'"), e.problem());
    }

    @Test
    void contentAfterTheRunIsCorruptionNotIgnored() {
        String text = RunJson.toJson(TestRuns.noParams(), List.of());
        for (String tail : List.of("}", "{\"format\": \"benchbook-run\"}", "x")) {
            RunFormatException e = assertThrows(RunFormatException.class,
                    () -> RunJson.parse(text + tail, "tail.json"), tail);
            assertTrue(e.problem().startsWith("corrupt JSON"), e.getMessage());
            assertTrue(e.position().startsWith("line " + (text.split("\n", -1).length) + ","), e.getMessage());
        }
    }

    @Test
    void aNewerSchemaVersionAsksForAnUpgrade() {
        String json = edit(TestRuns.noParams(), root -> root.put("schema_version", 99));
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunJson.parse(json, "future.json"));
        assertEquals("/schema_version", e.position());
        assertTrue(e.problem().contains("99") && e.problem().contains("newer") && e.problem().contains("upgrade"),
                e.problem());
        assertTrue(e.getMessage().startsWith("future.json at /schema_version: "), e.getMessage());
    }

    @Test
    void anotherFormatIsNotARunFile() {
        RunFormatException e = assertThrows(RunFormatException.class,
                () -> RunJson.parse("{\"format\": \"something\", \"schema_version\": 1}", "other.json"));
        assertEquals("/format", e.position());
        assertTrue(e.problem().contains("\"something\"") && e.problem().contains("\"" + RunJson.FORMAT + "\""),
                e.problem());
        RunFormatException report = assertThrows(RunFormatException.class,
                () -> RunJson.parse("{\"format\": \"" + RunJson.REPORT_FORMAT + "\"}", "report.json"));
        assertTrue(report.problem().contains("read the run file instead"), report.problem());
        RunFormatException none = assertThrows(RunFormatException.class, () -> RunJson.parse("{}", "none.json"));
        assertTrue(none.problem().contains("not a Benchbook run file"), none.problem());
        RunFormatException scalar = assertThrows(RunFormatException.class, () -> RunJson.parse("42", "n.json"));
        assertTrue(scalar.problem().contains("expected a JSON object"), scalar.getMessage());
    }

    @Test
    void aBadValueDeepInsideNamesItsJsonPointer(@TempDir Path dir) throws IOException {
        String json = edit(sorting(), root -> ((ObjectNode) root.at("/runs/0/samples/1")).put("wall_ns", "fast"));
        Path file = Files.writeString(dir.resolve("deep.json"), json);
        RunFormatException e = assertThrows(RunFormatException.class, () -> Results.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals("/runs/0/samples/1/wall_ns", e.position());
        assertTrue(e.problem().contains("integer") && e.problem().contains("\"fast\""), e.problem());
        assertEquals(file + " at /runs/0/samples/1/wall_ns: " + e.problem(), e.getMessage());
    }

    @Test
    void aMissingFieldNamesWhereItShouldBe() {
        String json = edit(sorting(), root -> ((ObjectNode) root.at("/runs/3")).remove("status"));
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunJson.parse(json, "m.json"));
        assertEquals("/runs/3/status", e.position());
        assertTrue(e.problem().contains("missing field \"status\""), e.problem());
    }

    @Test
    void anUndeclaredParamValueOrNameIsRefused() {
        String value = edit(sorting(), root -> ((ObjectNode) root.at("/runs/4/params")).put("size", 5));
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunJson.parse(value, "v.json"));
        assertEquals("/runs/4/params/size", e.position());
        assertTrue(e.problem().contains("5") && e.problem().contains("[1000, 10000, 100000]")
                && e.problem().contains("\"size\""), e.problem());

        String name = edit(sorting(), root -> ((ObjectNode) root.at("/runs/4/params")).put("depth", 3));
        RunFormatException n = assertThrows(RunFormatException.class, () -> RunJson.parse(name, "n.json"));
        assertEquals("/runs/4/params/depth", n.position());
        assertTrue(n.problem().contains("\"depth\"") && n.problem().contains("[size]"), n.problem());

        String type = edit(sorting(), root -> ((ArrayNode) root.at("/suite/params/0/values")).set(1, "ten"));
        RunFormatException t = assertThrows(RunFormatException.class, () -> RunJson.parse(type, "t.json"));
        assertEquals("/suite/params/0/values/1", t.position());
        assertTrue(t.problem().contains("\"ten\"") && t.problem().contains("int"), t.problem());
    }

    @Test
    void anUnknownStatusListsTheKnownOnes() {
        String json = edit(sorting(), root -> ((ObjectNode) root.at("/runs/2")).put("status", "crashed"));
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunJson.parse(json, "s.json"));
        assertEquals("/runs/2/status", e.position());
        assertTrue(e.problem().contains("\"crashed\"") && e.problem().contains("ok, failed, timed_out"), e.problem());
    }

    @Test
    void badHashesAndFindingsNameTheirPosition() {
        String hash = edit(sorting(), root -> ((ObjectNode) root.at("/runs/1/samples/0")).put("output_hash", "5eed"));
        RunFormatException h = assertThrows(RunFormatException.class, () -> RunJson.parse(hash, "h.json"));
        assertEquals("/runs/1/samples/0/output_hash", h.position());
        assertTrue(h.problem().contains("\"5eed\"") && h.problem().contains("16 hexadecimal digits"), h.problem());

        String kind = edit(sorting(), root -> ((ObjectNode) root.at("/findings/0")).put("kind", "Gremlins"));
        RunFormatException k = assertThrows(RunFormatException.class, () -> RunJson.parse(kind, "k.json"));
        assertEquals("/findings/0/kind", k.position());
        assertTrue(k.problem().contains("\"Gremlins\""), k.problem());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The run's JSON with {@code change} applied to its tree, re-serialised. */
    private static String edit(RunResult r, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(RunJson.toJson(r, Findings.of(r)));
            change.accept(root);
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code line L, column C} of the first character after {@code text}, 1-based as Jackson counts. */
    private static String endOf(String text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (text.length() - lineStart + 1);
    }

    /** Same column names, types and values, in the same order. */
    static void assertTablesEqual(Table expected, Table actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.columnNames(), actual.columnNames(), expected.name());
        assertEquals(expected.rowCount(), actual.rowCount(), expected.name());
        for (int i = 0; i < expected.columnCount(); i++) {
            Column<?> a = expected.column(i);
            Column<?> b = actual.column(i);
            assertEquals(a.type(), b.type(), expected.name() + "." + a.name());
            assertEquals(a.asList(), b.asList(), expected.name() + "." + a.name());
        }
    }
}
