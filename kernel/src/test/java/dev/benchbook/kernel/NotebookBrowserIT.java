package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens Benchbook's plots in a real browser, with the network off, in the three places a user sees
 * them: the live classic Jupyter Notebook UI running the installed {@code benchbook} kernel (or the one
 * {@link InstalledKernel#name()} names; a page
 * where RequireJS's {@code define} exists), the HTML that {@code jupyter nbconvert --execute} writes,
 * and the page {@code Results.report} writes. The browser is the system chromium, driven by the
 * playwright-core scripts in {@code src/test/browser} (installed there with {@code npm ci} on first
 * use); every request that would leave the machine is recorded and aborted. Screenshots and logs go
 * to {@code target/browser}.
 *
 * <p>Needs chromium and npm (CI installs both; a missing one fails the test rather than skipping it)
 * and {@code scripts/install-kernel.sh} to have installed the kernel.
 */
class NotebookBrowserIT {
    private static final String JUPYTER = "/usr/bin/jupyter";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String KERNEL = InstalledKernel.name();
    private static final String BROWSER_HINT = "install them with 'apt-get install -y chromium npm'"
            + " (CI installs both; this test fails rather than skips so that a broken CI image shows)";
    private static final String INSTALL_HINT =
            "run 'mvn -B install -DskipTests' and then 'sudo scripts/install-kernel.sh' in the repository root";

    /**
     * The notebook's first cell, a small suite; then {@code r.summary()}, {@code Plots.distribution(r)} and
     * {@code r.report(...)} into a file per notebook (see {@link #writeNotebook}).
     */
    private static final String SUITE_CELL = "var r = Bench.suite(\"ui\").param(\"size\", 100, 1_000)\n"
            + "    .setup(ctx -> ctx.random().ints(ctx.intParam(\"size\")).toArray())\n"
            + "    .benchmark(\"sort\", (ctx, d) -> { int[] c = d.clone(); Arrays.sort(c); return c; })\n"
            + "    .warmup(1).iterations(3).iterationTime(Duration.ofMillis(20))\n"
            + "    .run();";
    private static final int SUMMARY_CELL = 1;
    private static final int FIGURE_CELL = 2;
    private static final int REPORT_CELL = 3;
    /** Plots in the report of a one-benchmark suite with one numeric param: distribution, timeline, scaling. */
    private static final int REPORT_PLOTS = 3;

    private static final Duration SERVER_START = Duration.ofSeconds(60);
    private static final Duration UI_RUN = Duration.ofMinutes(5);
    private static final Duration NBCONVERT = Duration.ofMinutes(5);
    private static final Duration OFFLINE_PAGE = Duration.ofMinutes(2);

    private static Path browserDir;
    private static Path out;
    private static Path work;
    private static String node;
    private static Process server;
    /** What the live notebook page showed, from {@code notebook-ui.mjs}. */
    private static JsonObject ui;
    /** The report the live notebook's last cell writes. */
    private static Path uiReport;

    @BeforeAll
    static void runNotebookInBrowser() throws Exception {
        browserDir = Path.of(System.getProperty("benchbook.browser.dir", "src/test/browser")).toAbsolutePath();
        out = Path.of(System.getProperty("benchbook.browser.out", "target/browser")).toAbsolutePath();
        requireBrowserTools();
        requireInstalledKernel();
        installPlaywright();
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        work = Files.createTempDirectory("benchbook-browser-it");

        Path notebookDir = Files.createDirectories(work.resolve("ui"));
        uiReport = notebookDir.resolve("report.html");
        writeNotebook(notebookDir.resolve("ui.ipynb"), uiReport);
        try {
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            int port = startServer(notebookDir, token);
            JsonObject config = new JsonObject();
            config.addProperty("url", "http://127.0.0.1:" + port + "/notebooks/ui.ipynb?token=" + token);
            config.addProperty("kernel", BenchbookKernel.NAME); // kernel_info implementation, whatever the spec name
            config.addProperty("summaryCell", SUMMARY_CELL);
            config.addProperty("figureCell", FIGURE_CELL);
            config.addProperty("screenshot", out.resolve("notebook-ui.png").toString());
            ui = runNode("notebook-ui", "notebook-ui.mjs", config, UI_RUN);
        } finally {
            stopServer();
        }
        JsonObject t = ui.getAsJsonObject("timings");
        if (t != null) {
            System.out.printf("NotebookBrowserIT: notebook UI: chromium launch %s ms, page load %s ms,"
                            + " page open to kernel idle %s ms, Run All to plot drawn %s ms (cells done at %s ms),"
                            + " Run All to idle %s ms%n",
                    t.get("launchMs"), t.get("pageLoadMs"), t.get("kernelReadyMs"), t.get("runAllToPlotMs"),
                    t.get("cellDoneMs"), t.get("runAllDoneMs"));
        }
        if (ui.has("cells") && ui.getAsJsonArray("cells").size() > FIGURE_CELL) {
            System.out.printf("NotebookBrowserIT: notebook UI: figure output %,d chars of HTML (plotly.js inlined),"
                            + " screenshot %s bytes; %s requests, all on loopback: %s%n",
                    figureHtmlChars(), ui.get("screenshotBytes"), ui.get("requests"),
                    ui.getAsJsonArray("offLoopback").isEmpty());
        }
    }

    @AfterAll
    static void cleanUp() throws IOException, InterruptedException {
        stopServer();
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void liveNotebookShowsSummaryTableAndDrawsThePlotWhereRequireJsDefinesAmd() {
        assertScriptRan(ui, "live notebook UI");
        assertNoErrorOutputs();
        List<String> headers = strings(ui.getAsJsonArray("summaryHeaders"));
        assertTrue(headers.contains("mean_ns"), "summary cell's table has no mean_ns header: " + headers);
        // The page really is the AMD case: without Benchbook hiding define, plotly.js would not set window.Plotly.
        assertTrue(ui.get("amdBefore").getAsBoolean(), "the classic notebook page had no RequireJS define: " + ui);
        assertTrue(ui.get("amdAfter").getAsBoolean(), "RequireJS define was not restored after plotly.js loaded");
        JsonArray plots = ui.getAsJsonArray("figurePlots");
        assertEquals(1, plots.size(), "plots in the figure cell's output: " + plots);
        assertDrawn(plots.get(0).getAsJsonObject(), "figure cell");
        assertTrue(!ui.get("plotlyVersion").isJsonNull(), "window.Plotly is not set in the notebook page");
        assertTrue(ui.getAsJsonObject("timings").has("runAllToPlotMs"), "the plot never drew: " + ui);
    }

    @Test
    void secondTabOnTheSameKernelFetchesPlotlyFromTheKernelAndDraws() {
        assertScriptRan(ui, "live notebook UI");
        JsonObject second = ui.getAsJsonObject("secondTab");
        assertNotNull(second, "the second-tab stage did not run: " + ui);
        assertFalse(second.get("plotlyBefore").getAsBoolean(), "a fresh page starts without plotly.js: " + second);
        assertFalse(second.get("outputCarriedPlotly").getAsBoolean(),
                "the kernel sends plotly.js inline only once: " + second);
        assertTrue(second.get("drawn").getAsBoolean(),
                "the figure must fetch plotly.js through the benchbook.plotly comm and draw: " + second);
    }

    @Test
    void liveNotebookRequestsNothingBeyondLoopback() {
        assertScriptRan(ui, "live notebook UI");
        assertEquals(List.of(), strings(ui.getAsJsonArray("offLoopback")),
                "requests the notebook page tried to send off the machine (all were aborted)");
        for (String ws : strings(ui.getAsJsonArray("websockets"))) {
            assertTrue(ws.startsWith("ws://127.0.0.1:"), "websocket off loopback: " + ws);
        }
        assertTrue(ui.get("requests").getAsInt() > 0, "no requests seen: the recording is broken");
    }

    @Test
    void nbconvertHtmlDrawsThePlotWithTheNetworkOff() throws Exception {
        Path dir = Files.createDirectories(work.resolve("nbconvert"));
        Path notebook = dir.resolve("nbconvert.ipynb");
        writeNotebook(notebook, dir.resolve("report.html"));
        Path log = out.resolve("nbconvert-execute.log");
        ProcessBuilder pb = new ProcessBuilder(JUPYTER, "nbconvert", "--to", "html", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KERNEL,
                "--ExecutePreprocessor.startup_timeout=120",
                "--ExecutePreprocessor.timeout=180",
                "--output-dir", dir.resolve("html").toString(), notebook.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
        long started = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(NBCONVERT.toSeconds(), TimeUnit.SECONDS)) {
            destroyTree(p);
            fail("jupyter nbconvert --execute did not finish in " + NBCONVERT + "; log " + log + ":\n" + tail(log));
        }
        long nbconvertMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, p.exitValue(), () -> "jupyter nbconvert --execute failed; log " + log + ":\n" + tail(log));
        Path html = dir.resolve("html").resolve("nbconvert.html");
        assertTrue(Files.exists(html), () -> "nbconvert wrote no " + html + "; log:\n" + tail(log));

        JsonObject config = new JsonObject();
        config.addProperty("file", html.toString());
        config.addProperty("minPlots", 1);
        config.addProperty("screenshot", out.resolve("nbconvert.png").toString());
        JsonObject page = runNode("nbconvert", "offline-page.mjs", config, OFFLINE_PAGE);
        System.out.printf("NotebookBrowserIT: nbconvert: --execute to HTML %d ms, %,d bytes; page load %s ms,"
                        + " navigation to plot drawn %s ms; require.js on the page: %s; aborted requests: %s;"
                        + " screenshot %s bytes%n",
                nbconvertMs, Files.size(html), timing(page, "loadMs"), timing(page, "loadToPlotsDrawnMs"),
                page.get("amd"), page.get("aborted"), page.get("screenshotBytes"));

        assertScriptRan(page, "nbconvert HTML");
        JsonArray plots = page.getAsJsonArray("plots");
        assertEquals(1, plots.size(), "plots in the nbconvert HTML: " + plots);
        assertDrawn(plots.get(0).getAsJsonObject(), "nbconvert HTML");
        assertHasTableWith(page, "mean_ns", "nbconvert HTML");
    }

    @Test
    void reportDrawsEveryPlotWithTheNetworkOffAndRequestsNothing() throws Exception {
        assertTrue(Files.exists(uiReport), () -> "the live notebook's report cell did not write " + uiReport
                + (ui.has("error") ? "; the notebook run failed: " + ui.get("error").getAsString()
                        : "; its outputs: " + reportCellOutputs()));
        JsonObject config = new JsonObject();
        config.addProperty("file", uiReport.toString());
        config.addProperty("minPlots", REPORT_PLOTS);
        config.addProperty("screenshot", out.resolve("report.png").toString());
        JsonObject page = runNode("report", "offline-page.mjs", config, OFFLINE_PAGE);
        System.out.printf("NotebookBrowserIT: report: %,d bytes; page load %s ms, navigation to %d plots drawn %s ms;"
                        + " screenshot %s bytes%n",
                Files.size(uiReport), timing(page, "loadMs"), REPORT_PLOTS, timing(page, "loadToPlotsDrawnMs"),
                page.get("screenshotBytes"));

        assertScriptRan(page, "report");
        assertEquals(List.of(), strings(page.getAsJsonArray("aborted")),
                "the report promises to load nothing from the network, but requested");
        JsonArray plots = page.getAsJsonArray("plots");
        assertTrue(plots.size() >= REPORT_PLOTS, "plots in the report: " + plots);
        for (JsonElement plot : plots) {
            assertDrawn(plot.getAsJsonObject(), "report");
        }
        assertHasTableWith(page, "mean_ns", "report");
    }

    /** Fails unless chromium, node and npm are installed: the browser checks cannot run without them. */
    private static void requireBrowserTools() {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            fail(CHROMIUM + " is missing: " + BROWSER_HINT);
        }
        String npm = onPath("npm");
        node = onPath("node");
        if (npm == null || node == null) {
            fail((npm == null ? "npm" : "node") + " is not on PATH (" + System.getenv("PATH") + "): " + BROWSER_HINT);
        }
    }

    private static void requireInstalledKernel() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(JUPYTER, "kernelspec", "list", "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        if (!JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("kernelspecs").has(KERNEL)) {
            fail("'jupyter kernelspec list' has no '" + KERNEL + "' kernel: " + INSTALL_HINT);
        }
    }

    /**
     * Runs {@code npm ci} in {@code src/test/browser} when {@code node_modules} lacks the locked
     * playwright-core version (first run, or after the pin changed). It needs the npm registry or a
     * filled {@code ~/.npm} cache once.
     */
    private static void installPlaywright() throws IOException, InterruptedException {
        Path lock = browserDir.resolve("package-lock.json");
        Path installed = browserDir.resolve("node_modules/playwright-core/package.json");
        String wanted = Files.exists(lock) ? JsonParser.parseString(Files.readString(lock)).getAsJsonObject()
                .getAsJsonObject("packages").getAsJsonObject("node_modules/playwright-core")
                .get("version").getAsString() : null;
        if (Files.exists(installed) && (wanted == null || wanted.equals(JsonParser.parseString(
                Files.readString(installed)).getAsJsonObject().get("version").getAsString()))) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(onPath("npm"), wanted != null ? "ci" : "install",
                "--no-audit", "--no-fund", "--prefer-offline"));
        Path log = Files.createTempFile("npm-ci", ".log");
        Process p = new ProcessBuilder(command).directory(browserDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.delete(log);
        if (!exited) {
            destroyTree(p);
        }
        if (!exited || p.exitValue() != 0) {
            fail(String.join(" ", command) + " in " + browserDir + " failed (" + (exited ? "exit " + p.exitValue()
                    : "timeout") + "); it needs the npm registry, or ~/.npm holding playwright-core " + wanted
                    + ":\n" + output);
        }
        System.out.println("NotebookBrowserIT: installed playwright-core " + wanted + " with " + command);
    }

    /** Writes the test notebook, for the benchbook kernel, without outputs; its last cell writes {@code report}. */
    private static void writeNotebook(Path file, Path report) throws IOException {
        List<String> code = List.of(SUITE_CELL, "r.summary()", "Plots.distribution(r)",
                "r.report(java.nio.file.Path.of(\"" + report.toString().replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\"))");
        assertEquals(REPORT_CELL, code.size() - 1);
        JsonArray cells = new JsonArray();
        for (int i = 0; i < code.size(); i++) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.addProperty("id", "cell-" + i);
            cell.add("metadata", new JsonObject());
            cell.add("execution_count", null);
            cell.add("outputs", new JsonArray());
            cell.addProperty("source", code.get(i));
            cells.add(cell);
        }
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("name", KERNEL);
        kernelspec.addProperty("display_name", "Benchbook (Java)");
        kernelspec.addProperty("language", "java");
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernelspec);
        metadata.add("language_info", language);
        JsonObject notebook = new JsonObject();
        notebook.add("cells", cells);
        notebook.add("metadata", metadata);
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 5);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(notebook));
    }

    /**
     * Starts the classic notebook server on a free loopback port and waits until its API answers.
     * Retries with another port if the chosen one was taken in between.
     *
     * @return the port
     */
    private static int startServer(Path notebookDir, String token) throws IOException, InterruptedException {
        Path log = out.resolve("notebook-server.log");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            long started = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(JUPYTER, "notebook", "--no-browser", "--allow-root",
                    "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                    "--notebook-dir=" + notebookDir)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Connection files and the server's info file stay out of the user's runtime dir.
            pb.environment().put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
            server = pb.start();
            server.getOutputStream().close();
            HttpRequest status = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/status?token=" + token))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + SERVER_START.toNanos();
            while (System.nanoTime() < deadline && server.isAlive()) {
                try {
                    if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        System.out.printf("NotebookBrowserIT: notebook server up on port %d in %d ms%n", port,
                                (System.nanoTime() - started) / 1_000_000);
                        return port;
                    }
                } catch (ConnectException | HttpTimeoutException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            boolean portTaken = !server.isAlive() && Files.readString(log).contains("already in use");
            stopServer();
            if (!portTaken || attempt == 3) {
                fail("jupyter notebook did not answer on port " + port + " within " + SERVER_START
                        + "; log " + log + ":\n" + tail(log));
            }
        }
    }

    /** Stops the notebook server with SIGTERM, which shuts its kernels down, then anything left of it. */
    private static void stopServer() throws InterruptedException {
        if (server != null) {
            Process s = server;
            server = null;
            destroyTree(s);
        }
    }

    /**
     * Runs {@code node script 'config'} in {@code src/test/browser}: the script's JSON facts, or an
     * object with just {@code error} when it produced none. Its stdout and stderr are kept as {@code
     * target/browser/name.json} and {@code name.log}; the log is echoed here.
     */
    private static JsonObject runNode(String name, String script, JsonObject config, Duration timeout)
            throws IOException, InterruptedException {
        config.addProperty("chromium", CHROMIUM);
        // The script stops itself first, so that its facts so far and a failure screenshot survive.
        config.addProperty("timeoutMs", timeout.minusSeconds(15).toMillis());
        Path stdout = out.resolve(name + ".json");
        Path stderr = out.resolve(name + ".log");
        Process p = new ProcessBuilder(node, script, config.toString())
                .directory(browserDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        p.getOutputStream().close();
        boolean exited = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            destroyTree(p);
        }
        Files.readAllLines(stderr).forEach(l -> System.out.println("  " + name + ": " + l));
        String json = Files.readString(stdout).strip();
        JsonObject facts;
        try {
            facts = JsonParser.parseString(json.substring(json.lastIndexOf('\n') + 1)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            facts = new JsonObject();
            facts.addProperty("error", "node " + script + (exited ? " exited " + p.exitValue()
                    : " was killed after " + timeout) + " without a JSON report; stdout: " + json);
        }
        if (!exited && !facts.has("error")) {
            facts.addProperty("error", "node " + script + " was killed after " + timeout);
        }
        if (facts.has("error")) {
            facts.addProperty("log", tail(stderr));
        }
        return facts;
    }

    /** Sends SIGTERM to the process and its descendants, waits 30 s, then kills what is left. */
    private static void destroyTree(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void assertScriptRan(JsonObject facts, String what) {
        if (facts.has("error")) {
            fail(what + ": " + facts.get("error").getAsString()
                    + (facts.has("failureScreenshot") ? "; screenshot " + facts.get("failureScreenshot").getAsString()
                            : "")
                    + "\nfacts: " + withoutLog(facts) + "\nlog:\n" + facts.get("log").getAsString());
        }
    }

    private static String withoutLog(JsonObject facts) {
        JsonObject copy = facts.deepCopy();
        copy.remove("log");
        return copy.toString();
    }

    /** A plot drew when plotly made its SVG with at least one trace; otherwise its div shows why not. */
    private static void assertDrawn(JsonObject plot, String where) {
        assertTrue(plot.get("svg").getAsInt() > 0 && plot.get("traces").getAsInt() > 0,
                () -> where + ": plot " + plot.get("id").getAsString() + " did not draw"
                        + (plot.get("text").getAsString().isEmpty() ? "" : ", it shows: " + plot.get("text").getAsString())
                        + " (" + plot + ")");
    }

    private static void assertHasTableWith(JsonObject page, String header, String where) {
        List<List<String>> tables = new ArrayList<>();
        page.getAsJsonArray("tableHeaders").forEach(t -> tables.add(strings(t.getAsJsonArray())));
        assertTrue(tables.stream().anyMatch(t -> t.contains(header)),
                () -> where + " has no table with a " + header + " header; table headers: " + tables);
    }

    private static void assertNoErrorOutputs() {
        JsonArray cells = ui.getAsJsonArray("cells");
        assertEquals(REPORT_CELL + 1, cells.size(), "code cells in the notebook page: " + cells);
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject output = o.getAsJsonObject();
                if (output.get("type").getAsString().equals("error")) {
                    fail("cell " + i + " failed: " + output.get("text").getAsString() + "\n"
                            + output.get("traceback").getAsString());
                }
            }
            assertTrue(cell.get("prompt").isJsonPrimitive() && cell.get("prompt").getAsJsonPrimitive().isNumber(),
                    "cell " + i + " did not run: prompt " + cell.get("prompt"));
        }
    }

    private static long figureHtmlChars() {
        long chars = 0;
        for (JsonElement o : ui.getAsJsonArray("cells").get(FIGURE_CELL).getAsJsonObject().getAsJsonArray("outputs")) {
            chars += o.getAsJsonObject().get("htmlChars").getAsLong();
        }
        return chars;
    }

    private static String reportCellOutputs() {
        return ui.has("cells") && ui.getAsJsonArray("cells").size() > REPORT_CELL
                ? ui.getAsJsonArray("cells").get(REPORT_CELL).toString() : "(none)";
    }

    private static String timing(JsonObject facts, String name) {
        JsonObject t = facts.getAsJsonObject("timings");
        return t != null && t.has(name) ? t.get(name).getAsString() : "?";
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(e -> list.add(e.getAsString()));
        }
        return list;
    }
}
