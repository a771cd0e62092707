package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs cells on the installed {@code benchbook} kernel (or the one {@link InstalledKernel#name()}
 * names) through Jupyter itself ({@code jupyter_client}, driven by {@code kernel_driver.py}), the
 * way a notebook server does. Needs {@code scripts/install-kernel.sh} to have installed this build.
 */
class KernelIT {
    private static final String INSTALL_HINT =
            "run 'mvn -B install -DskipTests' and then 'sudo scripts/install-kernel.sh' in the repository root";

    /** The session: each step is a cell, run in this order in one kernel. */
    private static final List<Map<String, Object>> PLAN = List.of(
            step("table", "Table.create(\"t\", IntColumn.create(\"a\", 1, 2))"),
            step("suite", "var r = Bench.suite(\"sorting\")\n"
                    + "    .param(\"size\", 1_000, 10_000)\n"
                    + "    .setup(ctx -> ctx.random().ints(ctx.intParam(\"size\")).toArray())\n"
                    + "    .benchmark(\"arrays.sort\", (ctx, data) -> { int[] c = data.clone(); Arrays.sort(c); return c; })\n"
                    + "    .benchmark(\"parallel\", (ctx, data) -> { int[] c = data.clone(); Arrays.parallelSort(c); return c; })\n"
                    + "    .warmup(2).iterations(3).iterationTime(Duration.ofMillis(20))\n"
                    + "    .run();\n"
                    + "r.summary()"),
            step("figure", "Plots.distribution(r)"),
            step("figure2", "Plots.timeline(r, \"arrays.sort\")"),
            interrupted("benchInterrupt", "Bench.suite(\"endless\").benchmarkLong(\"spin\", ctx -> { long x = 0; "
                    + "for (long i = 0; i < 1_000_000_000_000L; i++) { x += i; } return x; }).quiet().run()", 2.0),
            step("print", "System.out.println(\"hello from a cell\");"),
            step("define", "var kept = new ArrayList<>(List.of(1, 2));\nint answer = 41;"),
            step("import", "import java.util.concurrent.*;\nimport java.util.concurrent.atomic.*;\n"
                    + "// a comment before an import\nimport java.nio.file.*;"),
            step("afterImport", "kept.size() + \" \" + answer + \" \" + new AtomicInteger(3).get()"),
            step("compileError", "int broken = undefinedName + 1;"),
            step("throw", "void fail(String why) { throw new IllegalStateException(why); }\nfail(\"boom\");"),
            step("afterThrow", "answer + 1"),
            step("beforeLoop", "long spins = 0;"),
            interrupted("busyLoop", "while (true) {}", 2.0),
            step("afterBusyLoop", "kept.size() + answer"),
            interrupted("spinLoop", "while (true) { spins++; }", 1.0),
            interrupted("sleep", "Thread.sleep(600_000);", 1.0),
            step("afterInterrupts", "(spins > 0) + \" \" + kept"),
            step("display", "var id = dev.benchbook.kernel.NotebookDisplay.display(\"first\");\n"
                    + "dev.benchbook.kernel.NotebookDisplay.update(id, Table.create(\"u\", IntColumn.create(\"b\", 3)));"));

    private static final String KERNEL = InstalledKernel.name();
    /** Not on the kernel's class path; its jackson-databind is. */
    private static final String BLACKBIRD = "com.fasterxml.jackson.module:jackson-module-blackbird:2.18.2";
    /** Not on the kernel's class path, nor is its dependency commons-lang3. */
    private static final String COMMONS_TEXT = "org.apache.commons:commons-text:1.12.0";

    private static JsonObject report;

    private static Map<String, Object> step(String name, String code) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("code", code);
        s.put("timeout", 60);
        return s;
    }

    /** The session: {@link #PLAN}, then the magics, the refused exit, completion and inspection. */
    private static List<Map<String, Object>> plan() throws IOException {
        Path dir = Files.createTempDirectory("kernel-it");
        Path point = dir.resolve("Point.java");
        Files.writeString(point, "package geo;\n\npublic record Point(int x, int y) {\n"
                + "    public int sum() { return x + y; }\n}\n");
        String bench = " --time 300ms --warmup 1 --iteration-time 10ms";
        List<Map<String, Object>> plan = new ArrayList<>(PLAN);
        plan.addAll(List.of(
                step("mavenReal", "%maven " + BLACKBIRD + " " + COMMONS_TEXT, 240),
                step("mavenUse", "var mapper = new com.fasterxml.jackson.databind.ObjectMapper()\n"
                        + "    .registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule());\n"
                        + "mapper.writeValueAsString(List.of(1, 2)) + \" \" + org.apache.commons.text.WordUtils.capitalize(\"bench book\")"),
                step("mavenBench", "%bench" + bench + " mapper.writeValueAsString(List.of(1, 2, 3))"),
                step("mavenAgain", "%maven " + BLACKBIRD + " " + COMMONS_TEXT),
                step("mavenProvided", "%maven com.google.code.gson:gson:2.11.0 com.fasterxml.jackson.core:jackson-databind:2.18.2"),
                step("mavenMissing", "%maven dev.benchbook.missing:nothing:1.0", 120),
                step("mavenConflict", "%maven com.google.code.gson:gson:2.10.1"),
                step("benchCell", "%%bench" + bench + "\nvar sb = new StringBuilder();\n"
                        + "for (int i = 0; i < 10; i++) sb.append(i);\nsb.toString()"),
                step("benchLine", "%bench" + bench + " kept.size() + answer"),
                step("load", "%load " + point),
                step("loadUse", "new Point(2, 3).sum()"),
                step("time", "%%time\nThread.sleep(100);\n\"timed\""),
                step("lsmagic", "%lsmagic"),
                step("exit", "System.exit(0);"),
                step("afterExit", "answer + 2"),
                request("completeSuite", "complete", "Bench.suite(\"x\")."),
                request("inspectWarmup", "inspect", "Bench.suite(\"x\").warmup")));
        return plan;
    }

    private static Map<String, Object> step(String name, String code, int timeoutSeconds) {
        Map<String, Object> s = step(name, code);
        s.put("timeout", timeoutSeconds);
        return s;
    }

    /** A complete_request or inspect_request (detail level 1) with the cursor at the end of {@code code}. */
    private static Map<String, Object> request(String name, String kind, String code) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put(kind, code);
        s.put("cursor", code.length());
        return s;
    }

    private static Map<String, Object> interrupted(String name, String code, double afterSeconds) {
        Map<String, Object> s = step(name, code);
        s.put("interrupt_after", afterSeconds);
        return s;
    }

    @BeforeAll
    static void runSession() throws Exception {
        InstalledKernel.requireInstalled(KERNEL, INSTALL_HINT);
        report = InstalledKernel.runDriver(KERNEL, plan());
        System.out.printf("KernelIT: kernel start (process spawn to kernel_info reply): %d ms%n",
                report.get("startup_ms").getAsLong());
        System.out.printf("KernelIT: shutdown took %d ms%n", report.get("shutdown_ms").getAsLong());
    }

    private static JsonObject result(String step) {
        JsonObject r = report.getAsJsonObject("steps").getAsJsonObject(step);
        assertNotNull(r, "step " + step + " did not run; steps: " + report.getAsJsonObject("steps").keySet());
        return r;
    }

    private static List<JsonObject> outputs(String step, String msgType) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement o : result(step).getAsJsonArray("outputs")) {
            if (o.getAsJsonObject().get("msg_type").getAsString().equals(msgType)) {
                found.add(o.getAsJsonObject().getAsJsonObject("content"));
            }
        }
        return found;
    }

    private static void assertOk(String step) {
        assertEquals("ok", result(step).get("status").getAsString(), () -> step + ": " + result(step));
    }

    private static String plainResult(String step) {
        assertOk(step);
        List<JsonObject> results = outputs(step, "execute_result");
        assertEquals(1, results.size(), () -> step + ": " + result(step));
        return results.get(0).getAsJsonObject("data").get("text/plain").getAsString();
    }

    /** The text of a step's stream outputs, joined. */
    private static String streamText(String step) {
        StringBuilder b = new StringBuilder();
        outputs(step, "stream").forEach(o -> b.append(o.get("text").getAsString()));
        return b.toString();
    }

    /** The error output of a step, its traceback joined and without ANSI colours. */
    private static String errorText(String step) {
        assertEquals("error", result(step).get("status").getAsString(), () -> step + ": " + result(step));
        List<JsonObject> errors = outputs(step, "error");
        assertEquals(1, errors.size(), () -> step + ": " + result(step));
        List<String> lines = new ArrayList<>();
        errors.get(0).getAsJsonArray("traceback").forEach(l -> lines.add(l.getAsString()));
        return String.join("\n", lines).replaceAll("\u001B\\[[0-9;]*m", "");
    }

    @Test
    void kernelInfoDescribesJava() {
        JsonObject info = report.getAsJsonObject("kernel_info");
        assertEquals("java", info.getAsJsonObject("language_info").get("name").getAsString());
        assertEquals("benchbook", info.get("implementation").getAsString());
        assertTrue(report.get("startup_ms").getAsLong() < 30_000, "kernel start took " + report.get("startup_ms"));
    }

    @Test
    void suiteCellShowsSummaryTableWithLiveProgress() {
        assertOk("suite");
        String html = outputs("suite", "execute_result").get(0).getAsJsonObject("data").get("text/html").getAsString();
        for (String column : List.of("suite", "benchmark", "size", "status", "n_iterations", "mean_ns", "median_ns", "stddev_ns",
                "cv", "ci_low_ns", "ci_high_ns", "min_ns", "max_ns", "cpu_ns", "alloc_bytes_per_op", "gc_count",
                "output_hash", "deterministic")) {
            assertTrue(html.contains("<th>" + column + "</th>"), column + " missing from " + html);
        }
        assertTrue(html.contains("arrays.sort") && html.contains("parallel"), html);
        List<JsonObject> shown = outputs("suite", "display_data");
        List<JsonObject> updated = outputs("suite", "update_display_data");
        assertEquals(1, shown.size(), "one progress display, updated in place");
        assertTrue(updated.size() >= 4, "progress updates: " + updated.size());
        String last = updated.get(updated.size() - 1).getAsJsonObject("data").get("text/html").getAsString();
        assertTrue(last.contains("4 runs done"), last);
    }

    @Test
    void figuresDrawInlineWithPlotlyIncludedOnce() {
        assertOk("figure");
        assertOk("figure2");
        String first = outputs("figure", "execute_result").get(0).getAsJsonObject("data").get("text/html").getAsString();
        String second = outputs("figure2", "execute_result").get(0).getAsJsonObject("data").get("text/html").getAsString();
        assertTrue(first.contains("Plotly.newPlot") && second.contains("Plotly.newPlot"));
        assertTrue(first.length() > 1_000_000, "the first figure carries plotly: " + first.length() + " chars");
        assertTrue(second.length() < 200_000, "later figures do not repeat it: " + second.length() + " chars");
    }

    @Test
    void interruptStopsARunningBenchmarkAndKeepsTheKernel() {
        assertTrue(errorText("benchInterrupt").startsWith("Interrupted"), result("benchInterrupt").toString());
        assertTrue(result("benchInterrupt").get("alive").getAsBoolean());
    }

    @Test
    void tableValueShowsAsHtmlTable() {
        assertOk("table");
        JsonObject data = outputs("table", "execute_result").get(0).getAsJsonObject("data");
        assertTrue(data.get("text/html").getAsString().contains("<table"), data.toString());
        assertTrue(data.has("text/plain"), data.toString());
    }

    @Test
    void stdoutReachesTheCellAndNoLogNoiseDoes() {
        assertOk("print");
        List<JsonObject> streams = outputs("print", "stream");
        assertEquals(1, streams.size(), streams.toString());
        assertEquals("stdout", streams.get(0).get("name").getAsString());
        assertEquals("hello from a cell\n", streams.get(0).get("text").getAsString());
        // Only text streams can carry log lines; HTML outputs (plotly's source) may contain the words.
        StringBuilder streamed = new StringBuilder();
        for (String step : report.getAsJsonObject("steps").keySet()) {
            outputs(step, "stream").forEach(o -> streamed.append(o.get("text").getAsString()));
        }
        assertTrue(!streamed.toString().contains("SLF4J") && !streamed.toString().contains("WARN"),
                "log noise in cells: " + streamed);
    }

    @Test
    void variablesSurviveALaterImportCell() {
        assertOk("define");
        assertOk("import");
        assertEquals("2 41 3", plainResult("afterImport"));
    }

    @Test
    void compileErrorShowsTheSourceLine() {
        String text = errorText("compileError");
        assertTrue(text.contains("Compilation error in line 1"), text);
        assertTrue(text.contains("int broken = undefinedName + 1;"), text);
        assertTrue(text.contains("^"), text);
    }

    @Test
    void exceptionIsAnErrorAndTheNextCellRuns() {
        String text = errorText("throw");
        assertTrue(text.startsWith("java.lang.IllegalStateException: boom"), text);
        // The eleventh execution: frames name the notebook cell and its lines, not JShell's wrappers.
        assertTrue(text.contains("\tat fail (cell [11], line 1)\n\tat cell [11], line 2"), text);
        assertTrue(!text.contains("dev.benchbook.kernel") && !text.contains("java.lang.reflect"), text);
        assertEquals("42", plainResult("afterThrow"));
    }

    @Test
    void interruptStopsABusyLoopAndKeepsVariables() {
        for (String step : List.of("busyLoop", "spinLoop", "sleep")) {
            assertTrue(errorText(step).startsWith("Interrupted"), step + ": " + result(step));
            assertTrue(result(step).get("alive").getAsBoolean(), step + " killed the kernel");
            long toIdle = result(step).get("interrupt_to_idle_ms").getAsLong();
            System.out.printf("KernelIT: %s: interrupt to idle in %d ms%n", step, toIdle);
            assertTrue(toIdle < 10_000, step + " took " + toIdle + " ms to stop");
        }
        assertEquals("43", plainResult("afterBusyLoop"));
        assertEquals("true [1, 2]", plainResult("afterInterrupts"));
    }

    @Test
    void libraryCodeCanDisplayAndUpdateWhileACellRuns() {
        assertOk("display");
        List<JsonObject> shown = outputs("display", "display_data");
        List<JsonObject> updated = outputs("display", "update_display_data");
        assertEquals(1, shown.size(), () -> result("display").toString());
        assertEquals(1, updated.size(), () -> result("display").toString());
        String id = shown.get(0).getAsJsonObject("transient").get("display_id").getAsString();
        assertEquals(id, updated.get(0).getAsJsonObject("transient").get("display_id").getAsString());
        assertEquals("first", shown.get(0).getAsJsonObject("data").get("text/plain").getAsString());
        assertTrue(updated.get(0).getAsJsonObject("data").get("text/html").getAsString().contains("<table"));
    }

    @Test
    void mavenAddsArtifactsWithTheirDependenciesForTheNextCellAndItsBenchmarks() {
        assertOk("mavenReal");
        String out = streamText("mavenReal");
        System.out.println("KernelIT: first %maven: " + out.lines().findFirst().orElse(""));
        assertTrue(out.startsWith("%maven: resolved " + BLACKBIRD + " " + COMMONS_TEXT + " in "), out);
        assertTrue(out.contains("added com.fasterxml.jackson.module:jackson-module-blackbird:jar:2.18.2"), out);
        assertTrue(out.contains("added org.apache.commons:commons-lang3:jar:"), "transitive: " + out);
        assertTrue(out.contains("on the class path already: com.fasterxml.jackson.core:jackson-databind 2.18.2"
                + " (the kernel's own jars)"), out);
        assertEquals("[1,2] Bench Book", plainResult("mavenUse"));
        assertOk("mavenBench");
        assertTrue(streamText("mavenBench").contains(" B/op, "), streamText("mavenBench"));
        String again = streamText("mavenAgain");
        System.out.println("KernelIT: repeated %maven: " + again.strip());
        assertTrue(again.matches("%maven: .* resolved in an earlier cell; nothing to do \\([0-9.]+ (ns|µs|ms)\\)\\n"), again);
        assertTrue(streamText("mavenProvided").contains("; nothing to add"), streamText("mavenProvided"));
    }

    @Test
    void mavenErrorsNameTheCoordinateAndTheFix() {
        String missing = errorText("mavenMissing");
        assertTrue(missing.startsWith("%maven dev.benchbook.missing:nothing:1.0: not found: dev.benchbook.missing:nothing"),
                missing);
        assertTrue(missing.contains("check the group, artifact and version"), missing);
        String conflict = errorText("mavenConflict");
        assertTrue(conflict.contains("version conflict") && conflict.contains("use %maven com.google.code.gson:gson:2.11.0"),
                conflict);
        assertTrue(result("mavenConflict").get("alive").getAsBoolean());
    }

    @Test
    void benchMagicsPrintOneLineAndShowTheResults() {
        String line = "[0-9.]+ (ns|µs|ms) ± [0-9.]+ (ns|µs|ms) \\(99\\.9% CI\\), [0-9.,]+ B/op, [0-9,]+ iterations × [0-9,]+ ops\\n";
        for (String step : List.of("benchCell", "benchLine")) {
            assertOk(step);
            String out = streamText(step);
            System.out.println("KernelIT: " + step + ": " + out.strip());
            assertTrue(out.matches(line), step + ": " + out);
            String html = outputs(step, "execute_result").get(0).getAsJsonObject("data").get("text/html").getAsString();
            assertTrue(html.contains("<th>mean</th>") && html.contains("<th>alloc/op</th>"),
                    "the result shows its headline: " + html);
        }
    }

    @Test
    void loadTimeAndLsmagic() {
        assertOk("load");
        assertTrue(streamText("load").contains("dropped 'package geo;'"), streamText("load"));
        assertEquals("5", plainResult("loadUse"));
        assertEquals("timed", plainResult("time"));
        assertTrue(streamText("time").matches("Wall time: [0-9.]+ ms, CPU time \\(whole process\\): .*\\n"),
                streamText("time"));
        String magics = plainResult("lsmagic");
        for (String m : List.of("%maven", "%jars", "%classpath", "%%bench", "%bench", "%load", "%%time", "%lsmagic")) {
            assertTrue(magics.contains(m + " "), m + " missing from " + magics);
        }
    }

    @Test
    void systemExitIsRefusedAndTheKernelKeepsItsVariables() {
        String text = errorText("exit");
        assertTrue(text.startsWith("System.exit(0) refused: it would stop the kernel"), text);
        assertEquals("ExitRefused",
                outputs("exit", "error").get(0).get("ename").getAsString());
        assertTrue(result("exit").get("alive").getAsBoolean());
        assertEquals("43", plainResult("afterExit"));
    }

    @Test
    void completionAndInspectionKnowTheDsl() {
        JsonObject completion = result("completeSuite").getAsJsonObject("reply");
        List<String> matches = new ArrayList<>();
        completion.getAsJsonArray("matches").forEach(m -> matches.add(m.getAsString()));
        assertTrue(matches.containsAll(List.of("warmup(", "iterations(", "benchmark(", "run()")), matches.toString());
        JsonObject inspect = result("inspectWarmup").getAsJsonObject("reply");
        assertTrue(inspect.get("found").getAsBoolean(), inspect.toString());
        String doc = inspect.getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(doc.contains("warmup(int iterations)") && doc.contains("at least Defaults.WARMUP_ITERATIONS (5)"), doc);
    }
}
