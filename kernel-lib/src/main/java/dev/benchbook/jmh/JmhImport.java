package dev.benchbook.jmh;

import static dev.benchbook.jmh.JmhNodes.FIX_RERUN;
import static dev.benchbook.jmh.JmhNodes.describe;
import static dev.benchbook.jmh.JmhNodes.quote;
import static dev.benchbook.jmh.JmhNodes.shapeOf;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.jmh.JmhUnits.Conversion;
import dev.benchbook.jmh.JmhUnits.Mode;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.Defaults;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one JMH {@code -rf json} document into a {@link RunResult}. One instance per source. */
final class JmhImport {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final String ALLOC_NORM = "gc.alloc.rate.norm";
    static final String GC_COUNT = "gc.count";
    static final String GC_TIME = "gc.time";

    private final String source;
    private final JmhNodes json;

    JmhImport(String source) {
        this.source = source;
        this.json = new JmhNodes(source);
    }

    /** One benchmark entry, converted: per-iteration values in file order, forks concatenated. */
    private record Entry(String path, JsonNode node, String fqn, Map<String, String> params, double[] nsPerOp,
            double[] allocPerOp, double[] gcCount, double[] gcTimeMs) {}

    RunResult read(Reader in, String suiteName) {
        JsonNode root = parse(in);
        if (root == null || root.isMissingNode()) {
            throw json.fail("$", "(empty document)", "must be a JSON array of benchmark entries", FIX_RERUN);
        }
        if (!root.isArray()) {
            throw json.fail("$", describe(root),
                    "must be a JSON array of benchmark entries as JMH writes with -rf json",
                    "pass the file that JMH's -rff option named, not a text or CSV report");
        }
        if (root.isEmpty()) {
            throw json.fail("$", "[]", "must hold at least one benchmark entry",
                    "check that the JMH run completed at least one benchmark (JMH leaves failed ones out)");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            entries.add(entry(root.get(i), "$[" + i + "]"));
        }
        return assemble(entries, suiteName);
    }

    private JsonNode parse(Reader in) {
        try {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "(unparseable)"
                    : "(invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("")
                    .replaceFirst(" \\(start marker at .*", "");
            throw new JmhFormatException(source, "$", where, "must be complete, well-formed JSON (" + why + ")",
                    "a truncated file usually means the JMH run was interrupted; " + FIX_RERUN, e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": could not be read: " + e.getMessage()
                    + "; check that the file exists and is readable", e);
        }
    }

    private Entry entry(JsonNode node, String path) {
        if (!node.isObject()) {
            throw json.fail(path, describe(node), "must be a JSON object describing one benchmark", FIX_RERUN);
        }
        String fqn = json.text(node, path, "benchmark");
        if (fqn.indexOf('.') <= 0 || fqn.endsWith(".")) {
            throw json.fail(path + ".benchmark", quote(fqn),
                    "must be a fully qualified benchmark method such as com.example.SortBench.measure", FIX_RERUN);
        }
        String modeLabel = json.text(node, path, "mode");
        Mode mode = Mode.of(modeLabel).orElseThrow(() -> json.fail(path + ".mode", quote(modeLabel),
                "must be one of " + Mode.labels(), "re-run JMH with -bm avgt (or another supported mode)"));
        int threads = json.integer(node, path, "threads", 1, 1);
        json.integer(node, path, "warmupIterations", 0, 0);
        Map<String, String> params = params(node, path);

        String pmPath = path + ".primaryMetric";
        JsonNode pm = json.object(node, path, "primaryMetric");
        String unit = json.text(pm, pmPath, "scoreUnit");
        Conversion conversion = JmhUnits.conversion(mode, unit).orElseThrow(() -> json.fail(pmPath + ".scoreUnit",
                quote(unit), "must be one of " + JmhUnits.unitsFor(mode) + " for mode " + mode.label,
                "re-run JMH with -tu ns (or us, ms, s) to get a supported unit"));
        boolean histogram = mode == Mode.SAMPLE_TIME && !pm.has("rawData") && pm.has("rawDataHistogram");
        String rawPath = pmPath + (histogram ? ".rawDataHistogram" : ".rawData");
        double[][] scores = histogram ? json.histogramMeans(pm.get("rawDataHistogram"), rawPath)
                : json.matrix(pm.get("rawData"), rawPath);
        int total = Arrays.stream(scores).mapToInt(f -> f.length).sum();
        if (total == 0) {
            throw json.fail(rawPath, "[]", "must hold every iteration's score, one array per fork",
                    "re-run JMH without -Djmh.json.rawData=false");
        }
        double[] ns = new double[total];
        int k = 0;
        for (int f = 0; f < scores.length; f++) {
            for (int i = 0; i < scores[f].length; i++) {
                double v = scores[f][i];
                String at = rawPath + "[" + f + "][" + i + "]";
                if (mode == Mode.THROUGHPUT ? !(v > 0) : !(v >= 0)) {
                    throw json.fail(at, String.valueOf(v), mode == Mode.THROUGHPUT
                            ? "must be > 0 to convert a throughput to ns/op" : "must be >= 0", FIX_RERUN);
                }
                ns[k] = conversion.toNsPerOp(v, threads);
                if (ns[k] * JmhJson.IMPORTED_BATCH_SIZE >= Long.MAX_VALUE) {
                    throw json.fail(at, String.valueOf(v), "must convert to fewer than "
                            + Long.MAX_VALUE / JmhJson.IMPORTED_BATCH_SIZE + " ns/op", FIX_RERUN);
                }
                k++;
            }
        }
        JsonNode secondary = node.get("secondaryMetrics");
        String secPath = path + ".secondaryMetrics";
        if (secondary != null && !secondary.isObject()) {
            throw json.fail(secPath, describe(secondary), "must be an object of metric name to metric", FIX_RERUN);
        }
        return new Entry(path, node, fqn, params, ns,
                secondary(secondary, secPath, ALLOC_NORM, "B/op", scores),
                secondary(secondary, secPath, GC_COUNT, null, scores),
                secondary(secondary, secPath, GC_TIME, "ms", scores));
    }

    /** A secondary metric's per-iteration values, shaped like the primary's, or null when absent. */
    private double[] secondary(JsonNode metrics, String path, String name, String unit, double[][] shape) {
        if (metrics == null || !metrics.has(name)) {
            return null;
        }
        String mPath = path + "[\"" + name + "\"]";
        JsonNode m = metrics.get(name);
        if (!m.isObject()) {
            throw json.fail(mPath, describe(m), "must be an object with scoreUnit and rawData", FIX_RERUN);
        }
        if (unit != null && !unit.equals(json.text(m, mPath, "scoreUnit"))) {
            throw json.fail(mPath + ".scoreUnit", quote(m.get("scoreUnit").asText()), "must be " + unit,
                    "remove this metric from the file or re-run JMH with -prof gc");
        }
        double[][] values = json.matrix(m.get("rawData"), mPath + ".rawData");
        boolean same = values.length == shape.length;
        for (int f = 0; same && f < shape.length; f++) {
            same = values[f].length == shape[f].length;
        }
        if (!same) {
            throw json.fail(mPath + ".rawData", shapeOf(values), "must have the same forks and iterations as the "
                    + "primary metric, " + shapeOf(shape), "remove this metric from the file or re-run JMH");
        }
        for (int f = 0; f < values.length; f++) {
            for (int i = 0; i < values[f].length; i++) {
                if (!(values[f][i] >= 0)) {
                    throw json.fail(mPath + ".rawData[" + f + "][" + i + "]", String.valueOf(values[f][i]),
                            "must be >= 0", FIX_RERUN);
                }
            }
        }
        return Arrays.stream(values).flatMapToDouble(Arrays::stream).toArray();
    }

    private Map<String, String> params(JsonNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode p = node.get("params");
        if (p == null) {
            return out;
        }
        if (!p.isObject()) {
            throw json.fail(path + ".params", describe(p), "must be an object of param name to value", FIX_RERUN);
        }
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw json.fail(path + ".params." + e.getKey(), describe(e.getValue()), "must be a string", FIX_RERUN);
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private RunResult assemble(List<Entry> entries, String suiteName) {
        boolean underName = suiteName != null && entries.stream().allMatch(e -> e.fqn().startsWith(suiteName + "."));
        String prefix = underName ? suiteName : commonClassPrefix(entries);
        String suite = suiteName != null ? suiteName : prefix.isEmpty() ? JmhJson.DEFAULT_SUITE : prefix;
        Map<String, Map<String, Object>> typed = typedParams(entries);

        Map<String, String> seen = new HashMap<>();
        List<BenchmarkRun> runs = new ArrayList<>();
        Set<String> benchmarks = new LinkedHashSet<>();
        Map<ParamSet, Integer> comboOrder = new LinkedHashMap<>();
        Map<String, LinkedHashSet<Object>> paramValues = new LinkedHashMap<>();
        for (Entry e : entries) {
            String name = prefix.isEmpty() ? e.fqn() : e.fqn().substring(prefix.length() + 1);
            Map<String, Object> values = new LinkedHashMap<>();
            e.params().forEach((k, v) -> values.put(k, typed.get(k).get(v)));
            ParamSet params = new ParamSet(values);
            String previous = seen.putIfAbsent(name + "\u0000" + params.key(), e.path());
            if (previous != null) {
                throw json.fail(e.path() + ".benchmark", quote(e.fqn()) + " with params {" + params.key() + "}",
                        "must appear once per param combination, but " + previous + " already has it",
                        "run JMH with a single mode (-bm avgt), or split the file per mode");
            }
            benchmarks.add(name);
            comboOrder.putIfAbsent(params, comboOrder.size());
            values.forEach((k, v) -> paramValues.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
            runs.add(new BenchmarkRun(name, params, Status.OK, "", samples(e)));
        }
        List<String> order = List.copyOf(benchmarks);
        runs.sort(Comparator.<BenchmarkRun>comparingInt(r -> comboOrder.get(r.params()))
                .thenComparingInt(r -> order.indexOf(r.benchmark())));

        Entry first = entries.get(0);
        JsonNode head = first.node();
        Duration iterationTime = head.hasNonNull("measurementTime")
                ? JmhUnits.parseTime(head.get("measurementTime").asText()).orElse(Defaults.ITERATION_TIME)
                : Defaults.ITERATION_TIME;
        RunControls controls = RunControls.fixed(json.integer(head, first.path(), "warmupIterations", 0, 0),
                first.nsPerOp().length, iterationTime, Defaults.TIMEOUT, Defaults.SEED, Defaults.CONFIDENCE);
        List<ParamSpec> specs = new ArrayList<>();
        paramValues.forEach((k, v) -> specs.add(new ParamSpec(k, new ArrayList<>(v))));
        SuiteDescriptor descriptor = new SuiteDescriptor(suite, "Imported from JMH JSON results: " + source, specs,
                order, controls);
        return new RunResult(descriptor, environment(head), Instant.EPOCH, Duration.ZERO, runs);
    }

    private static List<IterationSample> samples(Entry e) {
        long scale = JmhJson.IMPORTED_BATCH_SIZE;
        List<IterationSample> out = new ArrayList<>();
        for (int i = 0; i < e.nsPerOp().length; i++) {
            Map<String, Double> values = new java.util.LinkedHashMap<>();
            if (e.allocPerOp() != null) {
                values.put(dev.benchbook.metric.Metrics.ALLOC_BYTES_PER_OP.id(), e.allocPerOp()[i]);
            }
            if (e.gcCount() != null) {
                values.put(dev.benchbook.metric.Metrics.GC_COUNT.id(), (double) Math.round(e.gcCount()[i]));
            }
            if (e.gcTimeMs() != null) {
                values.put(dev.benchbook.metric.Metrics.GC_TIME_MS.id(), (double) Math.round(e.gcTimeMs()[i]));
            }
            out.add(new IterationSample(i, false, 0, scale, Math.round(e.nsPerOp()[i] * scale), 0, values));
        }
        return out;
    }

    /** A param is numeric when every value it takes in the file is a canonical integer. */
    private static Map<String, Map<String, Object>> typedParams(List<Entry> entries) {
        Map<String, Set<String>> raw = new LinkedHashMap<>();
        entries.forEach(e -> e.params().forEach((k, v) -> raw.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v)));
        Map<String, Map<String, Object>> out = new HashMap<>();
        raw.forEach((name, texts) -> {
            boolean numeric = texts.stream().allMatch(JmhImport::isCanonicalLong);
            Map<String, Object> m = new HashMap<>();
            for (String t : texts) {
                if (!numeric) {
                    m.put(t, t);
                } else {
                    long v = Long.parseLong(t);
                    m.put(t, v == (int) v ? (Object) (int) v : (Object) v);
                }
            }
            out.put(name, m);
        });
        return out;
    }

    private static boolean isCanonicalLong(String s) {
        try {
            return Long.toString(Long.parseLong(s)).equals(s);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The longest run of leading dot-separated segments that every benchmark's class shares. */
    private static String commonClassPrefix(List<Entry> entries) {
        String[] common = null;
        int len = 0;
        for (Entry e : entries) {
            String[] segs = e.fqn().substring(0, e.fqn().lastIndexOf('.')).split("\\.");
            if (common == null) {
                common = segs;
                len = segs.length;
            } else {
                int i = 0;
                while (i < Math.min(len, segs.length) && common[i].equals(segs[i])) {
                    i++;
                }
                len = i;
            }
        }
        return String.join(".", Arrays.copyOf(common, len));
    }

    private static Environment environment(JsonNode head) {
        String vmName = head.path("vmName").asText("");
        String vmVersion = head.path("vmVersion").asText("");
        List<String> args = new ArrayList<>();
        head.path("jvmArgs").forEach(a -> args.add(a.asText()));
        return new Environment(head.path("jdkVersion").asText(""), (vmName + " " + vmVersion).trim(), "", -1, -1,
                String.join(" ", args));
    }
}
