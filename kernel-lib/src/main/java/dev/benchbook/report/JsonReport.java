package dev.benchbook.report;

import dev.benchbook.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.benchbook.result.RunResultSource;
import dev.benchbook.result.Environment;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The content of the HTML report as JSON, for tools: format marker and version, the suite definition,
 * the environment with the git commit, when the run started and how long it took, the summary rows and
 * the findings rows. Table rows are objects keyed by column name; missing numbers and NaN are
 * {@code null}; durations are ISO-8601 ({@code PT0.1S}).
 */
public final class JsonReport {
    /** Value of the {@code format} field. */
    public static final String FORMAT = "benchbook-report";
    /** Value of the {@code formatVersion} field; raised when a field changes meaning or goes away. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** The JSON of {@code results} without findings. */
    public static String render(RunResultSource results) {
        return render(results.result(), null);
    }

    /**
     * The JSON of {@code result}.
     *
     * @param findings findings to include, any columns, or {@code null} for an empty list
     */
    public static String render(RunResult result, Table findings) {
        return render(ReportContext.of(result, findings));
    }

    /** Writes {@link #render(RunResult, Table)} to {@code file} atomically and returns {@code file}. */
    public static Path write(RunResult result, Table findings, Path file) {
        return AtomicFiles.writeString(file, render(result, findings), "JSON report");
    }

    static String render(ReportContext c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("suite", suite(c.result));
        root.put("environment", environment(c.result.environment(), c.gitCommit));
        root.put("started", c.result.started().toString());
        root.put("elapsed", c.result.elapsed().toString());
        root.put("summary", rows(c.summary));
        root.put("findings", c.findings == null ? List.of() : rows(c.findings));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the JSON report of suite '" + c.suiteName() + "': "
                    + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> suite(RunResult r) {
        RunControls rc = r.suite().controls();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.suite().name());
        m.put("description", r.suite().description());
        m.put("benchmarks", r.suite().benchmarks());
        List<Map<String, Object>> params = new ArrayList<>();
        for (ParamSpec p : r.suite().params()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("values", p.values().stream().map(JsonReport::plain).toList());
            params.add(pm);
        }
        m.put("params", params);
        Map<String, Object> controls = new LinkedHashMap<>();
        controls.put("warmupIterations", rc.warmupIterations());
        controls.put("iterations", rc.iterations());
        controls.put("iterationTime", rc.iterationTime().toString());
        controls.put("timeout", rc.timeout().toString());
        controls.put("seed", rc.seed());
        controls.put("confidence", rc.confidence());
        m.put("controls", controls);
        return m;
    }

    private static Map<String, Object> environment(Environment e, String commit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("javaVersion", e.javaVersion());
        m.put("vm", e.vm());
        m.put("os", e.os());
        m.put("cpu_model", e.cpuModel());
        m.put("cpus", e.cpus());
        m.put("maxHeapBytes", e.maxHeapBytes());
        m.put("jvmArgs", e.jvmArgs());
        m.put("gitCommit", commit);
        return m;
    }

    private static List<Map<String, Object>> rows(Table t) {
        List<Map<String, Object>> rows = new ArrayList<>(t.rowCount());
        for (int row = 0; row < t.rowCount(); row++) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Column<?> col : t.columns()) {
                m.put(col.name(), col.isMissing(row) ? null : plain(col.get(row)));
            }
            rows.add(m);
        }
        return rows;
    }

    /** Numbers, booleans and text as themselves, NaN and infinities as null, anything else as its text. */
    private static Object plain(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof String || v == null) {
            return v;
        }
        return String.valueOf(v);
    }
}
