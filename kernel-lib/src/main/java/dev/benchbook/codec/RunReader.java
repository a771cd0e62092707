package dev.benchbook.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.analysis.Finding;
import dev.benchbook.metric.Metric;
import dev.benchbook.result.Artifact;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.GitState;
import dev.benchbook.result.Host;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.MetricSet;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.RuntimeInfo;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.Expectation;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.ProfileSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the nodes of the run format back into results; every problem names its position. */
final class RunReader {
    private RunReader() {}

    static RunJson.RunFile run(Tree root) {
        String format = root.has("format") ? root.get("format").node.asText() : "";
        if (!RunJson.FORMAT.equals(format)) {
            String hint = root.node.isArray() ? "; an array at the top level looks like JMH output: read it with JmhJson.read"
                    : RunJson.REPORT_FORMAT.equals(format) ? "; a report JSON holds the summary only: read the run file instead"
                    : "";
            RunFormatException e = root.child("format", root.node.get("format")).error("this is not a Benchbook run "
                    + "file (format \"" + format + "\", expected \"" + RunJson.FORMAT + "\")" + hint);
            throw root.node.isArray() ? new RunFormatException(e.source(), e.position(), e.problem(), true) : e;
        }
        Tree version = root.get("schema_version");
        long v = version.longValue();
        if (v > RunJson.SCHEMA_VERSION) {
            throw version.error("schema version " + v + " was written by a newer Benchbook; this one reads up to "
                    + RunJson.SCHEMA_VERSION + ": upgrade Benchbook to read it");
        }
        if (v < 1) {
            throw version.error("schema version " + v + " is not valid; it must be between 1 and " + RunJson.SCHEMA_VERSION);
        }
        SuiteDescriptor suite = suite(root.get("suite"));
        Environment env = environment(root.get("environment"));
        Tree g = root.get("git");
        GitState git = new GitState(g.get("commit").text(), g.get("branch").text(), g.get("dirty").bool());
        List<Metric> metrics = new ArrayList<>();
        Tree ms = root.get("metrics");
        for (int i = 0; i < ms.size(); i++) {
            metrics.add(metric(ms.at(i)));
        }
        Map<String, String> unsupported = new LinkedHashMap<>();
        Tree us = root.get("unsupported");
        for (Iterator<Map.Entry<String, JsonNode>> it = us.fields(); it.hasNext(); ) {
            var e = it.next();
            unsupported.put(e.getKey(), us.child(e.getKey(), e.getValue()).text());
        }
        List<BenchmarkRun> runs = new ArrayList<>();
        Tree rs = root.get("runs");
        for (int i = 0; i < rs.size(); i++) {
            runs.add(benchmarkRun(rs.at(i), suite, null));
        }
        List<Finding> findings = new ArrayList<>();
        Tree fs = root.get("findings");
        for (int i = 0; i < fs.size(); i++) {
            findings.add(finding(fs.at(i), suite));
        }
        RunResult result = new RunResult(suite, env, git, root.get("started").instant(), root.get("elapsed").duration(),
                runs, new MetricSet(metrics, unsupported));
        return new RunJson.RunFile(result, findings);
    }

    static SuiteDescriptor suite(Tree s) {
        List<String> benchmarks = new ArrayList<>();
        Tree bs = s.get("benchmarks");
        for (int i = 0; i < bs.size(); i++) {
            benchmarks.add(bs.at(i).text());
        }
        List<ParamSpec> params = new ArrayList<>();
        Tree ps = s.get("params");
        for (int i = 0; i < ps.size(); i++) {
            Tree p = ps.at(i);
            String type = p.get("type").text();
            Tree values = p.get("values");
            Tree types = ParamTypes.MIXED.equals(type) ? p.get("types") : null;
            List<Object> vs = new ArrayList<>();
            for (int j = 0; j < values.size(); j++) {
                String t = types == null ? type : types.at(j).text();
                try {
                    vs.add(ParamTypes.fromNode(values.at(j).node, t));
                } catch (IllegalArgumentException e) {
                    throw values.at(j).error(e.getMessage());
                }
            }
            params.add(new ParamSpec(p.get("name").text(), vs));
        }
        Map<String, String> sources = new java.util.TreeMap<>();
        if (s.has("sources")) {
            Tree src = s.get("sources");
            for (var it = src.fields(); it.hasNext(); ) {
                String bench = it.next().getKey();
                sources.put(bench, src.get(bench).text());
            }
        }
        return new SuiteDescriptor(s.get("name").text(), s.get("description").text(), params, benchmarks,
                controls(s.get("controls")), checks(s.get("checks")), s.get("baseline").text(), sources);
    }

    static RunControls controls(Tree c) {
        List<String> args = new ArrayList<>();
        Tree a = c.get("jvm_args");
        for (int i = 0; i < a.size(); i++) {
            args.add(a.at(i).text());
        }
        return new RunControls(c.get("warmup_iterations").intValue(), c.get("iterations").intValue(),
                c.get("fixed_iterations").bool(), c.get("max_iterations").intValue(), c.get("max_time").duration(),
                c.get("target_precision").doubleValue(), c.get("iteration_time").duration(), c.get("timeout").duration(),
                c.get("seed").longValue(), c.get("confidence").doubleValue(), c.get("forks").intValue(),
                c.get("adaptive_warmup").bool(), c.get("max_warmup_iterations").intValue(),
                c.get("memory_limit_bytes").longValue(), args,
                c.has("threads") ? c.get("threads").intValue() : 1,
                c.has("threads_param") ? c.get("threads_param").text() : "",
                c.has("profile") ? profile(c.get("profile")) : ProfileSpec.NONE);
    }

    /** Profiling settings; absent from runs that were not profiled (and from every file before profiling existed). */
    private static ProfileSpec profile(Tree p) {
        return new ProfileSpec(true, p.get("profiler").text(), p.get("period").duration(), p.get("allocations").bool(),
                p.get("directory").text());
    }

    /** A run's artifacts; absent when it has none. */
    private static List<Artifact> artifacts(Tree r) {
        List<Artifact> out = new ArrayList<>();
        if (!r.has("artifacts")) {
            return out;
        }
        Tree as = r.get("artifacts");
        for (int i = 0; i < as.size(); i++) {
            Tree a = as.at(i);
            String sha = a.get("sha256").text();
            if (!sha.matches("[0-9a-f]{64}")) {
                throw a.get("sha256").error("SHA-256 \"" + sha + "\" is not 64 lowercase hexadecimal digits");
            }
            out.add(new Artifact(a.get("kind").text(), a.get("path").text(), sha, a.get("bytes").longValue()));
        }
        return out;
    }

    private static Checks checks(Tree c) {
        List<Expectation> es = new ArrayList<>();
        Tree e = c.get("expectations");
        for (int i = 0; i < e.size(); i++) {
            es.add(expectation(e.at(i)));
        }
        return new Checks(bound(c.get("max_timing_cv")), bound(c.get("alloc_tolerance")), es, c.get("strict").bool());
    }

    /** A bound; null (how an infinite one is written) reads as no bound, positive infinity. */
    private static double bound(Tree t) {
        double v = t.doubleValue();
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private static Expectation expectation(Tree e) {
        String column = e.get("metric").text();
        Expectation.Metric metric = null;
        for (Expectation.Metric m : Expectation.Metric.values()) {
            if (m.column().equals(column)) {
                metric = m;
            }
        }
        if (metric == null) {
            throw e.get("metric").error("unknown bounded metric \"" + column + "\"; expected mean_ns, alloc_bytes_per_op or cv");
        }
        return new Expectation(metric, bound(e.get("max")), e.get("benchmark").textOrNull());
    }

    private static Environment environment(Tree e) {
        Tree h = e.get("host");
        Host host = new Host(h.get("hostname").text(), h.get("os").text(), h.get("kernel").text(), h.get("arch").text(),
                h.get("cpu_model").text(), h.get("cpus").intValue(), h.get("cpu_quota").doubleValue(),
                h.get("memory_bytes").longValue(), h.get("load").doubleValue());
        Tree r = e.get("runtime");
        List<String> args = new ArrayList<>();
        Tree a = r.get("jvm_args");
        for (int i = 0; i < a.size(); i++) {
            args.add(a.at(i).text());
        }
        RuntimeInfo rt = new RuntimeInfo(r.get("name").text(), r.get("vendor").text(), r.get("version").text(),
                r.get("vm").text(), r.get("gc").text(), r.get("max_heap_bytes").longValue(), args, r.get("harness").text());
        return new Environment(host, rt);
    }

    static Metric metric(Tree m) {
        try {
            return new Metric(m.get("id").text(), m.get("unit").text(), Metric.Direction.ofLabel(m.get("direction").text()),
                    Metric.Scope.valueOf(m.get("scope").text().toUpperCase(Locale.ROOT)),
                    Metric.Aggregate.valueOf(m.get("aggregate").text().toUpperCase(Locale.ROOT)),
                    m.get("description").text());
        } catch (IllegalArgumentException e) {
            if (e instanceof RunFormatException r) {
                throw r;
            }
            throw m.error("bad metric description: " + e.getMessage());
        }
    }

    /**
     * A benchmark run. With {@code streamed} samples (the fork protocol), the node's own samples are
     * not read.
     */
    static BenchmarkRun benchmarkRun(Tree r, SuiteDescriptor suite, List<IterationSample> streamed) {
        List<IterationSample> samples = streamed;
        if (samples == null) {
            samples = new ArrayList<>();
            Tree ss = r.get("samples");
            for (int i = 0; i < ss.size(); i++) {
                samples.add(sample(ss.at(i)));
            }
        }
        return new BenchmarkRun(r.get("benchmark").text(), params(r.get("params"), suite), status(r.get("status")),
                r.get("error").text(), samples, stopReason(r.get("stop_reason")), values(r.get("run_values")),
                r.get("runner").text(), artifacts(r));
    }

    static IterationSample sample(Tree s) {
        long batch = s.get("batch_size").longValue();
        if (batch < 1) {
            throw s.get("batch_size").error("batch size " + batch + " must be at least 1");
        }
        return new IterationSample(s.get("index").intValue(), s.get("warmup").bool(), s.get("fork").intValue(), batch,
                s.get("wall_ns").longValue(), hash(s.get("output_hash")), values(s.get("values")));
    }

    private static Map<String, Double> values(Tree t) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            var e = it.next();
            double v = t.child(e.getKey(), e.getValue()).doubleValue();
            if (!Double.isNaN(v)) {
                m.put(e.getKey(), v);
            }
        }
        return m;
    }

    /** Param values, typed as the suite declares them. */
    private static ParamSet params(Tree t, SuiteDescriptor suite) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            var e = it.next();
            ParamSpec spec = suite.params().stream().filter(p -> p.name().equals(e.getKey())).findFirst().orElseThrow(
                    () -> t.child(e.getKey(), e.getValue()).error("param \"" + e.getKey() + "\" is not declared by suite '"
                            + suite.name() + "' (declared: " + suite.paramNames() + ")"));
            JsonNode n = e.getValue();
            Object value = spec.values().stream().filter(v -> ParamTypes.sameValue(v, n)).findFirst().orElseThrow(
                    () -> t.child(e.getKey(), n).error("value " + n + " is not among the declared values "
                            + spec.values() + " of param \"" + e.getKey() + "\""));
            m.put(e.getKey(), value);
        }
        return new ParamSet(m);
    }

    private static Status status(Tree t) {
        String s = t.text();
        for (Status st : Status.values()) {
            if (st.label().equals(s)) {
                return st;
            }
        }
        throw t.error("unknown status \"" + s + "\"; expected ok, failed, timed_out or memory_exceeded");
    }

    private static StopReason stopReason(Tree t) {
        String s = t.text();
        for (StopReason r : StopReason.values()) {
            if (r.label().equals(s)) {
                return r;
            }
        }
        throw t.error("unknown stop reason \"" + s + "\"");
    }

    private static long hash(Tree t) {
        String s = t.text();
        try {
            if (s.length() != 16) {
                throw new NumberFormatException();
            }
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            throw t.error("output hash \"" + s + "\" is not 16 hexadecimal digits");
        }
    }

    static Finding finding(Tree f, SuiteDescriptor suite) {
        String kind = f.get("kind").text();
        Class<?> type = null;
        for (Class<?> c : Finding.class.getPermittedSubclasses()) {
            if (c.getSimpleName().equals(kind)) {
                type = c;
            }
        }
        if (type == null) {
            throw f.get("kind").error("unknown finding kind \"" + kind + "\"");
        }
        RecordComponent[] comps = type.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            RecordComponent c = comps[i];
            types[i] = c.getType();
            Tree v = f.get(RunJson.snake(c.getName()));
            if (c.getType() == ParamSet.class) {
                args[i] = params(v, suite);
            } else if (c.getType() == Expectation.class) {
                args[i] = expectation(v);
            } else if (c.getType() == double.class) {
                args[i] = v.doubleValue();
            } else if (c.getType() == long.class) {
                args[i] = c.getName().endsWith("Hash") ? hash(v) : v.longValue();
            } else if (c.getType() == int.class) {
                args[i] = v.intValue();
            } else {
                args[i] = v.text();
            }
        }
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            return (Finding) ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw f.error("cannot rebuild finding " + kind + ": " + e);
        }
    }
}
