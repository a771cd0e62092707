package dev.benchbook.report;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.analysis.RunSummary;
import dev.benchbook.format.Units;
import dev.benchbook.table.FindingsTable;
import dev.benchbook.table.HeadlineTable;
import dev.benchbook.table.ResultTables;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * Everything a report shows, gathered once: the run, its summary table, the findings (possibly none)
 * and the git commit. The text of the environment and suite sections is made here so that the HTML,
 * Markdown and JSON reports say the same thing.
 */
final class ReportContext {
    /** What a report shows when the run recorded no commit. */
    static final String UNKNOWN = "unknown";
    final RunResult result;
    final RunSummary data;
    final Table summary;
    final Table headline;
    /** The findings, or {@code null} when there are none. */
    final Table findings;
    final String gitCommit;

    ReportContext(RunSummary data, Table findings) {
        this.data = Objects.requireNonNull(data, "summary");
        this.result = data.result();
        this.summary = ResultTables.summary(data);
        this.headline = HeadlineTable.of(data);
        this.findings = findings == null || findings.rowCount() == 0 ? null : findings;
        this.gitCommit = result.git().commit().isEmpty() ? UNKNOWN : result.git().commit()
                + (result.git().dirty() ? " (uncommitted changes)" : "");
    }

    /** The context of a computed summary, its findings as a table. */
    static ReportContext of(RunSummary data) {
        return new ReportContext(data, FindingsTable.of(data.result(), data.findings()));
    }

    /** The context of {@code result} with the given findings table (any columns, or null). */
    static ReportContext of(RunResult result, Table findings) {
        return new ReportContext(RunSummary.of(result, List.of()), findings);
    }

    String suiteName() {
        return result.suite().name();
    }

    /** The environment as label → text, in display order. */
    Map<String, String> environment() {
        Environment e = result.environment();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Java", e.javaVersion());
        m.put("JVM", e.vm());
        m.put("OS", e.os());
        m.put("CPU", e.cpuModel());
        m.put("CPUs", String.valueOf(e.cpus()));
        m.put("Max heap", bytes(e.maxHeapBytes()));
        m.put("JVM arguments", e.jvmArgs().isBlank() ? "(none)" : e.jvmArgs());
        m.put("Git commit", gitCommit);
        if (!result.git().branch().isEmpty()) {
            m.put("Git branch", result.git().branch());
        }
        m.put("Started", result.started().toString());
        m.put("Elapsed", seconds(result.elapsed()));
        return m;
    }

    /** The environment on one line, for Markdown. */
    String environmentLine() {
        Environment e = result.environment();
        String cpu = Environment.UNKNOWN.equals(e.cpuModel()) ? "" : e.cpuModel() + " · ";
        return "Java " + e.javaVersion() + " (" + e.vm() + ") · " + e.os() + " · " + cpu + e.cpus()
                + (e.cpus() == 1 ? " CPU" : " CPUs") + " · max heap " + bytes(e.maxHeapBytes()) + " · commit "
                + (result.git().commit().isEmpty() ? UNKNOWN : result.git().describe());
    }

    /** The suite definition as label → text, in display order. */
    Map<String, String> suite() {
        RunControls c = result.suite().controls();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Name", suiteName());
        m.put("Description", result.suite().description().isBlank() ? "(none)" : result.suite().description());
        m.put("Benchmarks", String.join(", ", result.suite().benchmarks()));
        m.put("Params", params());
        int[] warm = data.stats().stream().filter(st -> st.times().n() > 0).mapToInt(st -> st.warmupIterations())
                .toArray();
        int[] measured = data.stats().stream().filter(st -> st.times().n() > 0).mapToInt(st -> st.times().n())
                .toArray();
        m.put("Warmup iterations", (c.adaptiveWarmup() ? "adaptive, " + c.warmupIterations() + " to " + c.warmupCap()
                + " until steady: " + range(warm) + " made" : c.warmupIterations() + " (fixed)"));
        m.put("Measured iterations", c.fixedIterations() ? c.iterations() + " (fixed)" : "adaptive, " + c.iterations()
                + " to " + c.maxIterations() + " or " + seconds(c.maxTime()) + " until ±" + percent(c.targetPrecision())
                + " at " + percent(c.confidence()) + ": " + range(measured) + " measured");
        if (result.suite().hasBaseline()) {
            m.put("Baseline", result.suite().baseline());
        }
        if (c.memoryLimitBytes() > 0) {
            m.put("Memory limit", bytes(c.memoryLimitBytes()) + " of live heap");
        }
        if (c.forks() > 0) {
            m.put("Forks", c.forks() + (c.jvmArgs().isEmpty() ? "" : ", with " + String.join(" ", c.jvmArgs())));
        }
        m.put("Iteration time", seconds(c.iterationTime()));
        m.put("Timeout", seconds(c.timeout()));
        m.put("Seed", String.valueOf(c.seed()));
        m.put("Confidence level", percent(c.confidence()));
        return m;
    }

    /** The metrics as id → unit and description, then each unsupported one with its reason. */
    Map<String, String> metrics() {
        Map<String, String> m = new LinkedHashMap<>();
        result.metrics().metrics().forEach(x -> m.put(x.id(), (x.unit().isEmpty() ? "" : "[" + x.unit() + "] ")
                + x.description()));
        result.metrics().unsupported().forEach((id, why) -> m.put(id, why));
        return m;
    }

    /** {@code 5} or {@code 5–23}; "none" for no runs. */
    static String range(int[] xs) {
        if (xs.length == 0) {
            return "none";
        }
        int lo = java.util.Arrays.stream(xs).min().getAsInt();
        int hi = java.util.Arrays.stream(xs).max().getAsInt();
        return lo == hi ? String.valueOf(lo) : lo + "–" + hi;
    }

    /** The params as {@code size = 1000, 10000; kind = a, b}, or "(none)". */
    String params() {
        List<ParamSpec> params = result.suite().params();
        if (params.isEmpty()) {
            return "(none)";
        }
        return params.stream().map(p -> p.name() + " = " + p.values().stream().map(String::valueOf)
                .collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
    }

    /** One line per run that failed or timed out: benchmark, params, status and error. */
    List<String> problems() {
        return result.runs().stream().filter(r -> r.status() != Status.OK).map(ReportContext::describe).toList();
    }

    static String describe(BenchmarkRun r) {
        return r.benchmark() + (r.params().values().isEmpty() ? "" : " [" + r.params().key() + "]") + " "
                + r.status().label() + ": " + r.error();
    }

    /** Bytes in B, KiB, MiB or GiB with 3 significant digits; NaN gives "n/a". */
    static String bytes(double b) {
        return Double.isNaN(b) ? "n/a" : Units.bytes(b);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }

    static String percent(double level) {
        String s = String.format(Locale.ROOT, "%.3f", level * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }
}
