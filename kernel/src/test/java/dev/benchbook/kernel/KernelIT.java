package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs cells on the installed {@code benchbook} kernel (or the one {@link InstalledKernel#name()}
 * names) through Jupyter itself ({@code jupyter_client}, driven by {@code kernel_driver.py}), the
 * way a notebook server does. Needs {@code scripts/install-kernel.sh} to have installed this build.
 */
class KernelIT {
    private static final String JUPYTER = "/usr/bin/jupyter";
    private static final String PYTHON = "/usr/bin/python3";
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

    private static JsonObject report;

    private static Map<String, Object> step(String name, String code) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("code", code);
        s.put("timeout", 60);
        return s;
    }

    private static Map<String, Object> interrupted(String name, String code, double afterSeconds) {
        Map<String, Object> s = step(name, code);
        s.put("interrupt_after", afterSeconds);
        return s;
    }

    @BeforeAll
    static void runSession() throws Exception {
        requireInstalledKernel();
        Path driver = Path.of(KernelIT.class.getResource("/kernel_driver.py").toURI());
        Path stderr = Files.createTempFile("kernel-it", ".log");
        Process p = new ProcessBuilder(PYTHON, driver.toString())
                .redirectError(stderr.toFile())
                .start();
        p.getOutputStream().write(new Gson().toJson(Map.of("kernel", KERNEL, "steps", PLAN))
                .getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = p.waitFor(5, TimeUnit.MINUTES);
        List<String> log = Files.readAllLines(stderr);
        Files.delete(stderr);
        System.out.println("--- kernel and driver stderr ---");
        log.stream().filter(l -> !l.startsWith("0.00s")).forEach(System.out::println);
        if (!exited || p.exitValue() != 0) {
            fail("kernel_driver.py failed (exit " + (exited ? p.exitValue() : "timeout") + "): " + stdout);
        }
        report = JsonParser.parseString(stdout).getAsJsonObject();
        System.out.printf("KernelIT: kernel start (process spawn to kernel_info reply): %d ms%n",
                report.get("startup_ms").getAsLong());
        System.out.printf("KernelIT: shutdown took %d ms%n", report.get("shutdown_ms").getAsLong());
    }

    private static void requireInstalledKernel() throws IOException, InterruptedException, URISyntaxException {
        Process p = new ProcessBuilder(JUPYTER, "kernelspec", "list", "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        JsonObject specs = JsonParser.parseString(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonObject("kernelspecs");
        p.waitFor();
        if (!specs.has(KERNEL)) {
            fail("'jupyter kernelspec list' has no '" + KERNEL + "' kernel: " + INSTALL_HINT);
        }
        JsonObject spec = specs.getAsJsonObject(KERNEL).getAsJsonObject("spec");
        assertEquals("message", spec.get("interrupt_mode").getAsString(), "kernelspec interrupt_mode");
        requireInstalledJarsMatchThisBuild(spec);
    }

    /** Fails when the installed jars are not the ones this build produced, so results mean something. */
    private static void requireInstalledJarsMatchThisBuild(JsonObject spec) throws IOException {
        String builtJar = System.getProperty("benchbook.kernel.jar");
        if (builtJar == null) {
            return;
        }
        JsonArray argv = spec.getAsJsonArray("argv");
        String classpath = null;
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).getAsString().equals("-cp")) {
                classpath = argv.get(i + 1).getAsString();
            }
        }
        assertNotNull(classpath, "kernelspec argv has no -cp");
        Path installed = Path.of(classpath.replace("/*", ""));
        Path built = Path.of(builtJar);
        List<Path> expected = new ArrayList<>();
        expected.add(built);
        try (Stream<Path> libs = Files.list(built.resolveSibling("lib"))) {
            libs.forEach(expected::add);
        }
        for (Path jar : expected) {
            Path copy = installed.resolve(jar.getFileName());
            if (!Files.exists(copy) || !contentOf(copy).equals(contentOf(jar))) {
                fail("The installed kernel is not this build (" + copy + " differs from " + jar + "): " + INSTALL_HINT);
            }
        }
    }

    /** Entry name to CRC, without META-INF: jar timestamps and build metadata change on every build. */
    private static Map<String, Long> contentOf(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<String, Long> crcs = new TreeMap<>();
            zip.stream().filter(e -> !e.getName().startsWith("META-INF/"))
                    .forEach(e -> crcs.put(e.getName(), e.getCrc()));
            return crcs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        for (String column : List.of("suite", "benchmark", "size", "status", "n", "mean_ns", "median_ns", "stddev_ns",
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
}
