package dev.benchbook.report;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
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
    final RunResult result;
    final Table summary;
    /** The findings, or {@code null} when there are none. */
    final Table findings;
    final String gitCommit;

    ReportContext(RunResult result, Table findings, String gitCommit) {
        this.result = Objects.requireNonNull(result, "result");
        this.summary = ResultTables.summary(result);
        this.findings = findings == null || findings.rowCount() == 0 ? null : findings;
        this.gitCommit = Objects.requireNonNull(gitCommit, "gitCommit");
    }

    /** The context of {@code result} with the commit of the working directory. */
    static ReportContext of(RunResult result, Table findings) {
        return new ReportContext(result, findings, GitCommit.ofWorkingDirectory());
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
                + (gitCommit.equals(GitCommit.UNKNOWN) ? GitCommit.UNKNOWN : gitCommit.substring(0, 12));
    }

    /** The suite definition as label → text, in display order. */
    Map<String, String> suite() {
        RunControls c = result.suite().controls();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Name", suiteName());
        m.put("Description", result.suite().description().isBlank() ? "(none)" : result.suite().description());
        m.put("Benchmarks", String.join(", ", result.suite().benchmarks()));
        m.put("Params", params());
        m.put("Warmup iterations", String.valueOf(c.warmupIterations()));
        m.put("Measured iterations", String.valueOf(c.iterations()));
        m.put("Iteration time", seconds(c.iterationTime()));
        m.put("Timeout", seconds(c.timeout()));
        m.put("Seed", String.valueOf(c.seed()));
        m.put("Confidence level", percent(c.confidence()));
        return m;
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
        if (Double.isNaN(b)) {
            return "n/a";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = b;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return String.format(Locale.ROOT, "%.0f B", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f %s" : Math.abs(v) >= 10 ? "%.1f %s" : "%.2f %s",
                v, units[u]);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }

    static String percent(double level) {
        String s = String.format(Locale.ROOT, "%.3f", level * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }
}
