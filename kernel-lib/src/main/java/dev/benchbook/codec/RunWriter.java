package dev.benchbook.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.analysis.Finding;
import dev.benchbook.format.Hex;
import dev.benchbook.metric.Metric;
import dev.benchbook.result.Artifact;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.GitState;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.Expectation;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/** Turns results into the nodes of the run format. Keys are snake_case; non-finite numbers are null. */
final class RunWriter {
    static final ObjectMapper JSON = new ObjectMapper();

    private RunWriter() {}

    static ObjectNode run(RunResult r, List<Finding> findings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", RunJson.FORMAT);
        root.put("schema_version", RunJson.SCHEMA_VERSION);
        root.set("suite", suite(r.suite()));
        root.set("environment", environment(r.environment()));
        root.set("git", git(r.git()));
        root.put("started", r.started().toString());
        root.put("elapsed", r.elapsed().toString());
        ArrayNode metrics = root.putArray("metrics");
        r.metrics().metrics().forEach(m -> metrics.add(metric(m)));
        ObjectNode unsupported = root.putObject("unsupported");
        r.metrics().unsupported().forEach(unsupported::put);
        ArrayNode runs = root.putArray("runs");
        r.runs().forEach(run -> runs.add(benchmarkRun(run, true)));
        ArrayNode fs = root.putArray("findings");
        findings.forEach(f -> fs.add(finding(f)));
        return root;
    }

    static ObjectNode suite(SuiteDescriptor s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", s.name());
        n.put("description", s.description());
        n.put("baseline", s.baseline());
        if (!s.sources().isEmpty()) {
            ObjectNode src = n.putObject("sources");
            s.sources().forEach(src::put);
        }
        ArrayNode benches = n.putArray("benchmarks");
        s.benchmarks().forEach(benches::add);
        ArrayNode params = n.putArray("params");
        for (ParamSpec p : s.params()) {
            ObjectNode pn = params.addObject();
            pn.put("name", p.name());
            pn.put("type", ParamTypes.common(p.values()));
            ArrayNode values = pn.putArray("values");
            p.values().forEach(v -> values.add(ParamTypes.toNode(v)));
            if (ParamTypes.MIXED.equals(ParamTypes.common(p.values()))) {
                ArrayNode types = pn.putArray("types");
                p.values().forEach(v -> types.add(ParamTypes.of(v)));
            }
        }
        n.set("controls", controls(s.controls()));
        n.set("checks", checks(s.checks()));
        return n;
    }

    static ObjectNode controls(RunControls c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("warmup_iterations", c.warmupIterations());
        n.put("adaptive_warmup", c.adaptiveWarmup());
        n.put("max_warmup_iterations", c.maxWarmupIterations());
        n.put("iterations", c.iterations());
        n.put("fixed_iterations", c.fixedIterations());
        n.put("max_iterations", c.maxIterations());
        n.put("max_time", c.maxTime().toString());
        n.put("target_precision", c.targetPrecision());
        n.put("iteration_time", c.iterationTime().toString());
        n.put("timeout", c.timeout().toString());
        n.put("seed", c.seed());
        n.put("confidence", c.confidence());
        n.put("forks", c.forks());
        n.put("memory_limit_bytes", c.memoryLimitBytes());
        ArrayNode args = n.putArray("jvm_args");
        c.jvmArgs().forEach(args::add);
        // Written only for multi-threaded runs, so single-threaded run files stay as they were.
        if (c.multiThreaded()) {
            n.put("threads", c.threads());
            n.put("threads_param", c.threadsParam());
        }
        if (c.profile().enabled()) {
            ObjectNode p = n.putObject("profile");
            p.put("profiler", c.profile().profiler());
            p.put("period", c.profile().period().toString());
            p.put("allocations", c.profile().allocations());
            p.put("directory", c.profile().directory());
        }
        return n;
    }

    private static ObjectNode checks(Checks c) {
        ObjectNode n = JSON.createObjectNode();
        number(n, "max_timing_cv", c.maxTimingCv());
        number(n, "alloc_tolerance", c.allocTolerance());
        n.put("strict", c.strict());
        ArrayNode es = n.putArray("expectations");
        for (Expectation e : c.expectations()) {
            es.add(expectation(e));
        }
        return n;
    }

    private static ObjectNode expectation(Expectation e) {
        ObjectNode en = JSON.createObjectNode();
        en.put("metric", e.metric().column());
        number(en, "max", e.max());
        en.put("benchmark", e.benchmark());
        return en;
    }

    private static ObjectNode environment(Environment e) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode h = n.putObject("host");
        h.put("hostname", e.host().hostname());
        h.put("os", e.host().os());
        h.put("kernel", e.host().kernel());
        h.put("arch", e.host().arch());
        h.put("cpu_model", e.host().cpuModel());
        h.put("cpus", e.host().cpus());
        number(h, "cpu_quota", e.host().cpuQuota());
        h.put("memory_bytes", e.host().memoryBytes());
        number(h, "load", e.host().load());
        ObjectNode rt = n.putObject("runtime");
        rt.put("name", e.runtime().name());
        rt.put("vendor", e.runtime().vendor());
        rt.put("version", e.runtime().version());
        rt.put("vm", e.runtime().vm());
        rt.put("gc", e.runtime().gc());
        rt.put("max_heap_bytes", e.runtime().maxHeapBytes());
        ArrayNode args = rt.putArray("jvm_args");
        e.runtime().jvmArgs().forEach(args::add);
        rt.put("harness", e.runtime().harness());
        return n;
    }

    private static ObjectNode git(GitState g) {
        ObjectNode n = JSON.createObjectNode();
        n.put("commit", g.commit());
        n.put("branch", g.branch());
        n.put("dirty", g.dirty());
        return n;
    }

    static ObjectNode metric(Metric m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", m.id());
        n.put("unit", m.unit());
        n.put("direction", m.direction().label());
        n.put("scope", m.scope().label());
        n.put("aggregate", m.aggregate().label());
        n.put("description", m.description());
        return n;
    }

    /** A benchmark run; without its samples when they were streamed apart (the fork protocol). */
    static ObjectNode benchmarkRun(BenchmarkRun run, boolean withSamples) {
        ObjectNode n = JSON.createObjectNode();
        n.put("benchmark", run.benchmark());
        n.set("params", params(run.params()));
        n.put("status", run.status().label());
        n.put("error", run.error());
        n.put("stop_reason", run.stopReason().label());
        n.put("runner", run.runner());
        n.set("run_values", values(run.runValues()));
        if (!run.artifacts().isEmpty()) {
            ArrayNode as = n.putArray("artifacts");
            for (Artifact a : run.artifacts()) {
                ObjectNode an = as.addObject();
                an.put("kind", a.kind());
                an.put("path", a.path());
                an.put("sha256", a.sha256());
                an.put("bytes", a.bytes());
            }
        }
        if (withSamples) {
            ArrayNode samples = n.putArray("samples");
            run.samples().forEach(s -> samples.add(sample(s)));
        }
        return n;
    }

    static ObjectNode sample(IterationSample s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("index", s.index());
        n.put("warmup", s.warmup());
        n.put("fork", s.fork());
        n.put("batch_size", s.batchSize());
        n.put("wall_ns", s.wallNs());
        n.put("output_hash", Hex.of(s.outputHash()));
        n.set("values", values(s.values()));
        return n;
    }

    private static ObjectNode values(Map<String, Double> values) {
        ObjectNode n = JSON.createObjectNode();
        values.forEach((k, v) -> number(n, k, v));
        return n;
    }

    private static ObjectNode params(ParamSet p) {
        ObjectNode n = JSON.createObjectNode();
        p.values().forEach((k, v) -> n.set(k, ParamTypes.toNode(v)));
        return n;
    }

    /** A finding as its kind plus its record components, generically: every finding is a record. */
    static ObjectNode finding(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", f.kind());
        for (RecordComponent c : f.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(f);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + f.kind() + "." + c.getName(), e);
            }
            String key = RunJson.snake(c.getName());
            if (v instanceof ParamSet p) {
                n.set(key, params(p));
            } else if (v instanceof Expectation e) {
                n.set(key, expectation(e));
            } else if (v instanceof Double d) {
                number(n, key, d);
            } else if (v instanceof Long l && c.getName().endsWith("Hash")) {
                n.put(key, Hex.of(l));
            } else if (v instanceof Number num) {
                n.put(key, num.longValue());
            } else {
                n.put(key, String.valueOf(v));
            }
        }
        n.put("message", f.message());
        return n;
    }

    static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }
}
