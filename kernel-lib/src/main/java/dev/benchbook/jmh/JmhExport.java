package dev.benchbook.jmh;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.stats.ConfidenceIntervals;
import dev.benchbook.stats.Descriptive;
import dev.benchbook.stats.Estimate;
import java.util.Arrays;
import java.util.List;

/** Builds the JMH {@code -rf json} tree of a {@link RunResult}. */
final class JmhExport {
    private JmhExport() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The percentiles JMH writes under {@code scorePercentiles}, in its order. */
    static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};

    /** The array of benchmark entries: one per {@link Status#OK} run that has measured samples. */
    static ArrayNode tree(RunResult result) {
        ArrayNode root = NODES.arrayNode();
        for (BenchmarkRun run : result.runs()) {
            if (run.status() == Status.OK && !run.measured().isEmpty()) {
                root.add(entry(result, run));
            }
        }
        return root;
    }

    private static ObjectNode entry(RunResult result, BenchmarkRun run) {
        Environment env = result.environment();
        List<IterationSample> measured = run.measured();
        String iterationTime = JmhUnits.formatTime(result.suite().controls().iterationTime());
        String[] vm = splitVm(env.vm());

        ObjectNode e = NODES.objectNode();
        e.put("benchmark", result.suite().name() + "." + run.benchmark());
        e.put("mode", "avgt");
        e.put("threads", 1);
        e.put("forks", 1);
        e.put("jvm", env.vm());
        ArrayNode args = e.putArray("jvmArgs");
        if (!env.jvmArgs().isBlank()) {
            Arrays.stream(env.jvmArgs().trim().split("\\s+")).forEach(args::add);
        }
        e.put("jdkVersion", env.javaVersion());
        e.put("vmName", vm[0]);
        e.put("vmVersion", vm[1]);
        e.put("warmupIterations", result.suite().controls().warmupIterations());
        e.put("warmupTime", iterationTime);
        e.put("warmupBatchSize", 1);
        e.put("measurementIterations", measured.size());
        e.put("measurementTime", iterationTime);
        e.put("measurementBatchSize", 1);
        if (!run.params().values().isEmpty()) {
            ObjectNode params = e.putObject("params");
            run.params().values().forEach((k, v) -> params.put(k, String.valueOf(v)));
        }
        e.set("primaryMetric", metric(run.wallNsPerOp(), "ns/op"));
        ObjectNode secondary = e.putObject("secondaryMetrics");
        if (measured.stream().allMatch(s -> !Double.isNaN(s.allocBytesPerOp()))) {
            double[] alloc = measured.stream().mapToDouble(IterationSample::allocBytesPerOp).toArray();
            secondary.set(JmhImport.ALLOC_NORM, metric(alloc, "B/op"));
        }
        // custom metrics (a benchmark's ctx.metric, or JMH secondaries imported earlier) go under their ids
        for (Metric m : result.metrics().metrics()) {
            if (m.scope() == Metric.Scope.PER_ITERATION && Metrics.builtIn(m.id()).isEmpty()
                    && measured.stream().allMatch(s -> s.values().containsKey(m.id()))) {
                secondary.set(m.id(), metric(measured.stream().mapToDouble(s -> s.values().get(m.id())).toArray(),
                        m.unit()));
            }
        }
        return e;
    }

    /** One metric: mean, 99.9% t-interval half-width and bounds, percentiles, unit, one fork of raw values. */
    private static ObjectNode metric(double[] xs, String unit) {
        Estimate ci = ConfidenceIntervals.tInterval(xs, JmhJson.CONFIDENCE);
        ObjectNode m = NODES.objectNode();
        m.set("score", number(Descriptive.of(xs).mean()));
        m.set("scoreError", number(ci.halfWidth()));
        m.putArray("scoreConfidence").add(number(ci.low())).add(number(ci.high()));
        ObjectNode pct = m.putObject("scorePercentiles");
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        for (double p : PERCENTILES) {
            pct.set(String.valueOf(p), number(percentile(sorted, p)));
        }
        m.put("scoreUnit", unit);
        ArrayNode fork = m.putArray("rawData").addArray();
        for (double x : xs) {
            fork.add(number(x));
        }
        return m;
    }

    /**
     * The {@code p}-th percentile of a sorted, non-empty sample, estimated as JMH does (commons-math3's
     * default): position {@code p (n + 1) / 100}, linear interpolation between neighbours, clamped to
     * the smallest and largest values.
     *
     * @param sorted the sample in ascending order
     * @param p the percentile, in [0, 100]
     */
    static double percentile(double[] sorted, double p) {
        int n = sorted.length;
        double pos = p * (n + 1) / 100;
        if (pos < 1) {
            return sorted[0];
        }
        if (pos >= n) {
            return sorted[n - 1];
        }
        int lower = (int) Math.floor(pos);
        double fraction = pos - lower;
        return sorted[lower - 1] + fraction * (sorted[lower] - sorted[lower - 1]);
    }

    /** JMH writes non-finite numbers as the strings {@code NaN}, {@code +INF} and {@code -INF}. */
    private static com.fasterxml.jackson.databind.JsonNode number(double d) {
        if (Double.isNaN(d)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(d)) {
            return NODES.textNode(d > 0 ? "+INF" : "-INF");
        }
        return NODES.numberNode(d);
    }

    /** {@code "OpenJDK 64-Bit Server VM 17.0.9+9"} → name and version, split at the last space. */
    private static String[] splitVm(String vm) {
        int space = vm.lastIndexOf(' ');
        return space < 0 ? new String[] {vm, ""} : new String[] {vm.substring(0, space), vm.substring(space + 1)};
    }
}
