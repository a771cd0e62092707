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
import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metric.Aggregate;
import dev.benchbook.metric.Metric.Direction;
import dev.benchbook.metric.Metric.Scope;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.GitState;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.MetricSet;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
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

    /** Prefix of the ids of JMH secondary metrics that Benchbook has no metric of its own for. */
    static final String CUSTOM_PREFIX = "jmh_";
    /** The param that tells entries apart when a file holds one benchmark in several modes. */
    static final String MODE_PARAM = "mode";

    /** Secondary metrics beyond the built-in ones, by id, in order of first appearance. */
    private final Map<String, Metric> customs = new LinkedHashMap<>();
    /** Secondary metrics a file names without giving values, with the reason. */
    private final Map<String, String> unsupported = new LinkedHashMap<>();

    /**
     * One benchmark entry, converted: per-iteration values in file order, forks concatenated, and the
     * secondary metrics: per iteration when shaped like the primary, else one value for the run.
     */
    private record Entry(String path, JsonNode node, String fqn, String mode, Map<String, String> params,
            double[] nsPerOp, Map<String, double[]> perIteration, Map<String, Double> runValues) {
        Entry withParam(String name, String value) {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.put(name, value);
            return new Entry(path, node, fqn, mode, p, nsPerOp, perIteration, runValues);
        }
    }

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
        Map<String, double[]> perIteration = new LinkedHashMap<>();
        Map<String, Double> runValues = new LinkedHashMap<>();
        String method = fqn.substring(fqn.lastIndexOf('.') + 1);
        for (Map.Entry<String, JsonNode> m : secondary == null ? List.<Map.Entry<String, JsonNode>>of()
                : secondary.properties()) {
            String mPath = secPath + "[\"" + m.getKey() + "\"]";
            String name = canonicalSecondary(m.getKey(), method);
            switch (name) {
                case ALLOC_NORM -> perIteration.put(Metrics.ALLOC_BYTES_PER_OP.id(),
                        builtIn(m.getValue(), mPath, "B/op", scores));
                case GC_COUNT -> perIteration.put(Metrics.GC_COUNT.id(),
                        rounded(builtIn(m.getValue(), mPath, null, scores)));
                case GC_TIME -> perIteration.put(Metrics.GC_TIME_MS.id(),
                        rounded(builtIn(m.getValue(), mPath, "ms", scores)));
                default -> custom(m.getKey(), name, m.getValue(), scores, perIteration, runValues);
            }
        }
        return new Entry(path, node, fqn, mode.label, params, ns, perIteration, runValues);
    }

    /**
     * A secondary metric's name without JMH's decorations: older versions prefix profiler metrics
     * with {@code ·} ({@code ·gc.alloc.rate.norm}), and sample mode names its percentiles after the
     * method ({@code orderTest·p0.50}).
     */
    static String canonicalSecondary(String name, String method) {
        String n = name.startsWith("\u00b7") ? name.substring(1) : name;
        return n.startsWith(method + "\u00b7") ? n.substring(method.length() + 1) : n;
    }

    /** The metric id a JMH secondary metric imports under: {@code ·gc.alloc.rate} becomes {@code jmh_gc_alloc_rate}. */
    static String customId(String canonical) {
        if (canonical.startsWith(CUSTOM_PREFIX) && Metric.ID.matcher(canonical).matches()) {
            return canonical; // exported by Benchbook under its id
        }
        String id = (CUSTOM_PREFIX + canonical.toLowerCase(java.util.Locale.ROOT)).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("_+$", "");
        return id.length() > 63 ? id.substring(0, 63) : id;
    }

    /**
     * A secondary metric Benchbook has no metric of its own for, kept under {@link #customId}: per
     * iteration when its raw data has the primary's shape, as one run value when only its score is
     * numeric, and listed unsupported (never invented) when the file gives no number at all, as
     * profilers whose output is text ({@code -prof perfasm}) do.
     */
    private void custom(String original, String name, JsonNode m, double[][] shape, Map<String, double[]> perIteration,
            Map<String, Double> runValues) {
        String id = customId(name);
        String unit = m.path("scoreUnit").asText("");
        unit = unit.equals("---") ? "" : unit;
        double[] values = finiteMatrix(m.get("rawData"), shape);
        if (values != null) {
            perIteration.put(id, values);
            customs.putIfAbsent(id, new Metric(id, unit, Direction.NEUTRAL, Scope.PER_ITERATION, Aggregate.MEAN,
                    "JMH secondary metric " + original));
            return;
        }
        JsonNode score = m.get("score");
        if (score != null && score.isNumber() && Double.isFinite(score.asDouble())) {
            runValues.put(id, score.asDouble());
            customs.putIfAbsent(id, new Metric(id, unit, Direction.NEUTRAL, Scope.PER_RUN, Aggregate.MEAN,
                    "JMH secondary metric " + original + " (its score; the file gives no per-iteration values)"));
            return;
        }
        unsupported.putIfAbsent(id, "the JMH file names secondary metric " + original
                + " but gives no numeric value for it (score " + describe(score) + "); profilers whose output is "
                + "text, such as -prof perfasm, keep it outside the JSON");
    }

    /** The raw data flattened when it is all finite numbers shaped like {@code shape}, else null. */
    private static double[] finiteMatrix(JsonNode raw, double[][] shape) {
        if (raw == null || !raw.isArray() || raw.size() != shape.length) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (int f = 0; f < shape.length; f++) {
            JsonNode fork = raw.get(f);
            if (!fork.isArray() || fork.size() != shape[f].length) {
                return null;
            }
            for (JsonNode v : fork) {
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    return null;
                }
                out.add(v.asDouble());
            }
        }
        return out.isEmpty() ? null : out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] rounded(double[] values) {
        return Arrays.stream(values).map(Math::round).toArray();
    }

    /** A built-in secondary metric's per-iteration values, which must have the primary's shape. */
    private double[] builtIn(JsonNode m, String mPath, String unit, double[][] shape) {
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

    private RunResult assemble(List<Entry> given, String suiteName) {
        List<Entry> entries = severalModes(given) ? given.stream().map(e -> e.withParam(MODE_PARAM, e.mode())).toList()
                : given;
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
            String previous = seen.putIfAbsent(name + "\u0000" + params.key(), e.path() + " (" + e.mode() + ")");
            if (previous != null) {
                throw json.fail(e.path() + ".benchmark", quote(e.fqn()) + " with params {" + params.key() + "}",
                        "must appear once per param combination and mode, but " + previous + " already has it",
                        "remove the repeated entry, or split a file that joins several JMH runs into one per run");
            }
            benchmarks.add(name);
            comboOrder.putIfAbsent(params, comboOrder.size());
            values.forEach((k, v) -> paramValues.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
            runs.add(new BenchmarkRun(name, params, Status.OK, "", samples(e), StopReason.FIXED, e.runValues(),
                    BenchmarkRun.IMPORTED));
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
        return new RunResult(descriptor, environment(head), GitState.NONE, Instant.EPOCH, Duration.ZERO, runs,
                MetricSet.inferred(runs, List.copyOf(customs.values()), unsupported));
    }

    /**
     * Whether some benchmark appears with the same params in more than one mode ({@code -bm all}
     * does this): then each entry gets its mode as a param, so that all of them import side by side.
     */
    private static boolean severalModes(List<Entry> entries) {
        Map<String, String> modeOf = new HashMap<>();
        for (Entry e : entries) {
            String key = e.fqn() + "\u0000" + new java.util.TreeMap<>(e.params());
            String other = modeOf.putIfAbsent(key, e.mode());
            if (other != null && !other.equals(e.mode())) {
                return true;
            }
        }
        return false;
    }

    private static List<IterationSample> samples(Entry e) {
        long scale = JmhJson.IMPORTED_BATCH_SIZE;
        List<IterationSample> out = new ArrayList<>();
        for (int i = 0; i < e.nsPerOp().length; i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            int at = i;
            e.perIteration().forEach((id, v) -> values.put(id, v[at]));
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
