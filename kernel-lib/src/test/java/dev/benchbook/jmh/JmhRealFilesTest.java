package dev.benchbook.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.codec.RunJson;
import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real JMH result file under {@code datasets/jmh-real/} (copied from public repositories; their
 * sources are in its {@code INDEX.tsv}) imports, and what it imports agrees with the file itself, read
 * here with plain Jackson: one run per entry, the entries' params, modes and secondary metrics, and
 * each entry's mean recomputed from its raw data in the file's own units.
 */
class JmhRealFilesTest {
    private static final Path DIR = Path.of("..", "datasets", "jmh-real");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One row of INDEX.tsv. */
    record Indexed(String file, String repo, int entries, Set<String> modes, boolean params, boolean secondary) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Indexed> files() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("INDEX.tsv"));
        assertEquals(List.of("file", "repo", "path", "commit", "bytes", "n_entries", "modes", "has_params",
                "has_secondary", "jmh_versions", "jdk_versions"), List.of(lines.get(0).split("\t")));
        List<Indexed> rows = lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                .map(c -> new Indexed(c[0], c[1], Integer.parseInt(c[5]), Set.of(c[6].split(",")), c[7].equals("y"),
                        c[8].equals("y")))
                .toList();
        try (Stream<Path> listed = Files.list(DIR)) {
            assertEquals(listed.filter(p -> p.toString().endsWith(".json")).count(), rows.size(),
                    "every JSON file in " + DIR + " has a row in INDEX.tsv");
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void importsAndAgreesWithTheFile(Indexed row) throws IOException {
        Path file = DIR.resolve(row.file());
        JsonNode root = MAPPER.readTree(file.toFile());
        RunResult r;
        try (var in = Files.newBufferedReader(file)) {
            r = JmhJson.read(in);
        }

        assertEquals(row.entries(), root.size(), "INDEX.tsv's n_entries");
        assertEquals(row.entries(), r.runs().size(), "one imported run per JMH entry");
        Set<String> fileModes = new TreeSet<>();
        root.forEach(e -> fileModes.add(e.get("mode").asText()));
        assertEquals(new TreeSet<>(row.modes()), fileModes, "INDEX.tsv's modes");

        boolean modeParam = r.suite().params().stream().anyMatch(p -> p.name().equals(JmhImport.MODE_PARAM));
        Set<String> seen = new HashSet<>();
        for (JsonNode e : root) {
            Map<String, String> params = new LinkedHashMap<>();
            e.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            if (modeParam) {
                params.put(JmhImport.MODE_PARAM, e.get("mode").asText());
            }
            BenchmarkRun run = find(r, e.get("benchmark").asText(), params);
            assertTrue(seen.add(run.benchmark() + " " + run.params().key()), "each entry is its own run");
            checkPrimary(e, run, row.file());
            checkSecondaries(e, run, r);
        }
        if (row.params()) {
            assertFalse(r.suite().params().isEmpty(), "params declared");
        }
        // a file with one benchmark in several modes imports them side by side under a mode param
        assertEquals(modeParam, fileModes.size() > 1 && row.file().startsWith("husxwy"),
                "mode param only where a benchmark repeats across modes");

        // what was imported survives Benchbook's own run format
        RunResult back = RunJson.parse(RunJson.toJson(r, List.of()), row.file()).result();
        assertEquals(r.runs(), back.runs());
        assertEquals(r.metrics(), back.metrics());
    }

    private static BenchmarkRun find(RunResult r, String fqn, Map<String, String> params) {
        return r.runs().stream()
                .filter(run -> fqn.endsWith("." + run.benchmark()) || fqn.equals(run.benchmark()))
                .filter(run -> stringly(run.params().values()).equals(params))
                .reduce((a, b) -> {
                    throw new AssertionError("two runs match " + fqn + " " + params);
                })
                .orElseThrow(() -> new AssertionError("no run for " + fqn + " " + params + " among "
                        + r.runs().stream().map(x -> x.benchmark() + " " + x.params().key()).toList()));
    }

    private static Map<String, String> stringly(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /**
     * The entry's mean in the file's unit, recomputed from its raw data: for time modes the mean of the
     * iteration scores (sample mode: of the histogram's means), for throughput the mean rate, which is
     * threads over the mean ns/op... per iteration, so we compare rates with rates.
     */
    private static void checkPrimary(JsonNode e, BenchmarkRun run, String file) {
        JsonNode pm = e.get("primaryMetric");
        String mode = e.get("mode").asText();
        String unit = pm.get("scoreUnit").asText();
        double perUnit = nanos(unit.substring(mode.equals("thrpt") ? unit.indexOf('/') + 1 : 0,
                mode.equals("thrpt") ? unit.length() : unit.indexOf('/')));
        int threads = e.path("threads").asInt(1);
        double[] fromFile = iterationScores(pm);
        List<IterationSample> measured = run.measured();
        assertEquals(fromFile.length, measured.size(), file + " " + run.benchmark() + ": one sample per iteration");
        for (int i = 0; i < fromFile.length; i++) {
            double ns = measured.get(i).wallNsPerOp();
            double expected = mode.equals("thrpt") ? threads * perUnit / fromFile[i] : fromFile[i] * perUnit;
            assertEquals(expected, ns, Math.max(1e-9 * expected, 1.0 / JmhJson.IMPORTED_BATCH_SIZE),
                    file + " " + run.benchmark() + " iteration " + i);
        }
        if (!mode.equals("sample") && pm.get("score").isNumber() && fromFile.length > 0) {
            // JMH's own score is the mean of the iteration scores
            double mean = Arrays.stream(fromFile).average().orElseThrow();
            assertEquals(pm.get("score").asDouble(), mean, 1e-6 * Math.abs(mean) + 1e-12, file + " score");
        }
    }

    private static double[] iterationScores(JsonNode pm) {
        if (pm.has("rawData")) {
            return stream(pm.get("rawData")).mapToDouble(JsonNode::asDouble).toArray();
        }
        return stream(pm.get("rawDataHistogram")).mapToDouble(hist -> {
            double sum = 0;
            double count = 0;
            for (JsonNode bin : hist) {
                sum += bin.get(0).asDouble() * bin.get(1).asDouble();
                count += bin.get(1).asDouble();
            }
            return sum / count;
        }).toArray();
    }

    /** Every fork's iterations, forks in order. */
    private static Stream<JsonNode> stream(JsonNode forks) {
        return java.util.stream.StreamSupport.stream(forks.spliterator(), false)
                .flatMap(f -> java.util.stream.StreamSupport.stream(f.spliterator(), false));
    }

    private static double nanos(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new AssertionError("unit " + timeUnit);
        };
    }

    /** Each secondary metric is imported per iteration, as a run value, or listed unsupported: never dropped. */
    private static void checkSecondaries(JsonNode e, BenchmarkRun run, RunResult r) {
        String fqn = e.get("benchmark").asText();
        String method = fqn.substring(fqn.lastIndexOf('.') + 1);
        e.path("secondaryMetrics").properties().forEach(m -> {
            String name = JmhImport.canonicalSecondary(m.getKey(), method);
            String id = switch (name) {
                case "gc.alloc.rate.norm" -> Metrics.ALLOC_BYTES_PER_OP.id();
                case "gc.count" -> Metrics.GC_COUNT.id();
                case "gc.time" -> Metrics.GC_TIME_MS.id();
                default -> JmhImport.customId(name);
            };
            assertFalse(name.startsWith("\u00b7") || name.contains(method + "\u00b7"), name);
            assertTrue(id.matches(Metric.ID.pattern()), id);
            double[] raw = stream(m.getValue().path("rawData")).filter(JsonNode::isNumber)
                    .mapToDouble(JsonNode::asDouble).toArray();
            boolean perIteration = run.measured().stream().allMatch(s -> s.values().containsKey(id));
            if (perIteration) {
                double[] got = run.measured().stream().mapToDouble(s -> s.values().get(id)).toArray();
                double[] want = id.startsWith("gc_") ? Arrays.stream(raw).map(Math::round).toArray() : raw;
                assertEquals(Arrays.toString(want), Arrays.toString(got), fqn + " " + m.getKey());
            } else if (run.runValues().containsKey(id)) {
                assertEquals(m.getValue().get("score").asDouble(), run.runValues().get(id), 0.0, m.getKey());
            } else {
                assertTrue(r.metrics().unsupported().containsKey(id),
                        fqn + " " + m.getKey() + " is neither imported nor listed unsupported");
                assertFalse(m.getValue().path("score").isNumber()
                        && Double.isFinite(m.getValue().path("score").asDouble()), "a numeric score is kept");
            }
            if (!perIteration) {
                assertFalse(raw.length == run.measured().size() && raw.length > 0 && id.startsWith("jmh_")
                        && Arrays.stream(raw).allMatch(Double::isFinite), fqn + " " + m.getKey()
                        + ": per-iteration data was not kept per iteration");
            }
        });
    }

    static {
        if (!Files.isDirectory(DIR)) {
            throw new UncheckedIOException(new IOException(DIR.toAbsolutePath() + " is missing"));
        }
    }
}
