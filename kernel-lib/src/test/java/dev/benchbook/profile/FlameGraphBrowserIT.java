package dev.benchbook.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.report.HeadlessChromium;
import dev.benchbook.spec.ProfileSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Draws flame graphs in headless Chromium with the network off: a plain and a diff graph written on their own,
 * the "Profiles" section of a run report, and a notebook executed by {@code jupyter nbconvert} with the installed
 * kernel ({@code -Dbenchbook.kernel}, default {@code benchbook}). Each graph must have run its script ({@code data-drawn}) and
 * drawn frames ({@code data-frames} above one). Output stays in {@code target/flame-browser/}.
 */
class FlameGraphBrowserIT {
    private static final Path OUT = Path.of("target", "flame-browser");
    private static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    private static final Pattern FRAMES = Pattern.compile("data-frames=\"(\\d+)\"");

    @Test
    void flameGraphsDrawOfflineAloneAndInAReport(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(HeadlessChromium.CHROMIUM),
                "/usr/bin/chromium is missing; install it with bash scripts/setup.sh chromium");
        Files.createDirectories(OUT);
        Results slow = run("slow", dir.resolve("a"), 200_000);
        Results fast = run("fast", dir.resolve("b"), 20_000);
        Profile a = slow.profile("work");
        Profile b = fast.profile("work");

        Path plain = a.flameGraph().write(OUT.resolve("plain.html"));
        Path diff = Profile.diff(a, b).write(OUT.resolve("diff.html"));
        Path report = slow.report(OUT.resolve("report.html"));
        for (Path page : List.of(plain, diff, report)) {
            Path dom = OUT.resolve(page.getFileName() + ".dom.html");
            HeadlessChromium.Result r = HeadlessChromium.run(dir, List.of("--dump-dom", page.toUri().toString()), dom);
            assertEquals(0, r.exit(), "chromium --dump-dom " + page + " failed: " + r.stderr());
            String html = Files.readString(dom);
            assertTrue(html.contains("data-drawn=\"true\""), page + ": no flame graph drew");
            Matcher m = FRAMES.matcher(html);
            assertTrue(m.find(), page + ": no frame count");
            assertTrue(Integer.parseInt(m.group(1)) > 1, page + ": only " + m.group(1) + " frame drawn");
            System.out.printf("FlameGraphBrowserIT: %s drew %s frames; network namespace: %s%n",
                    page.getFileName(), m.group(1), r.isolated());
        }
    }

    @Test
    void flameGraphDrawsOfflineInAnNbconvertHtml(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(HeadlessChromium.CHROMIUM),
                "/usr/bin/chromium is missing; install it with bash scripts/setup.sh chromium");
        assertTrue(Files.isExecutable(JUPYTER), "/usr/bin/jupyter is missing; run bash scripts/setup.sh");
        Files.createDirectories(OUT);
        String kernel = System.getProperty("benchbook.kernel", "benchbook");
        Path notebook = OUT.resolve("flame.ipynb");
        Files.writeString(notebook, notebook(kernel,
                "var r = Bench.suite(\"nb\").warmup(1).iterations(3).iterationTime(Duration.ofMillis(60))\n"
                        + "    .benchmark(\"work\", ctx -> { long t = 0; for (int i = 0; i < 100_000; i++)"
                        + " t += Integer.toString(i).hashCode(); return t; })\n"
                        + "    .profile(dev.benchbook.spec.ProfileSpec.jfr().period(Duration.ofMillis(1))).quiet().run();",
                "r.profile(\"work\").flameGraph()"));
        Path log = OUT.resolve("flame-nbconvert.log");
        Process p = new ProcessBuilder(JUPYTER.toString(), "nbconvert", "--to", "html", "--execute",
                "--ExecutePreprocessor.kernel_name=" + kernel, "--ExecutePreprocessor.timeout=300",
                "--output-dir", OUT.toString(), "--output", "flame-nbconvert", notebook.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "nbconvert did not finish in 5 minutes; log " + log);
        assertEquals(0, p.exitValue(), () -> "nbconvert --execute with kernel " + kernel + " failed (is it installed?"
                + " bash scripts/install-kernel.sh); log " + log + ":\n" + read(log));
        Path html = OUT.resolve("flame-nbconvert.html");
        Path dom = OUT.resolve("flame-nbconvert.dom.html");
        HeadlessChromium.Result r = HeadlessChromium.run(dir, List.of("--dump-dom", html.toUri().toString()), dom);
        assertEquals(0, r.exit(), "chromium --dump-dom " + html + " failed: " + r.stderr());
        String page = Files.readString(dom);
        assertTrue(page.contains("data-drawn=\"true\""), html + ": the flame graph did not draw");
        Matcher m = FRAMES.matcher(page);
        assertTrue(m.find() && Integer.parseInt(m.group(1)) > 1, html + ": no frames drawn");
        System.out.printf("FlameGraphBrowserIT: nbconvert HTML drew %s frames; network namespace: %s%n",
                m.group(1), r.isolated());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A notebook of code cells for {@code kernel}, in nbformat 4. */
    private static String notebook(String kernel, String... cells) {
        StringBuilder out = new StringBuilder("{\"cells\": [");
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {},"
                    + " \"outputs\": [], \"source\": \"").append(json(cells[i])).append("\"}");
        }
        return out.append("], \"metadata\": {\"kernelspec\": {\"name\": \"").append(json(kernel))
                .append("\", \"display_name\": \"Benchbook\", \"language\": \"java\"}},"
                        + " \"nbformat\": 4, \"nbformat_minor\": 5}\n").toString();
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static Results run(String suite, Path dir, int n) {
        return Bench.suite(suite).warmup(1).iterations(4).iterationTime(Duration.ofMillis(60))
                .benchmark("work", ctx -> sum(n))
                .profile(ProfileSpec.jfr().period(Duration.ofMillis(1)).directory(dir)).quiet().run();
    }

    static long sum(int n) {
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += Integer.toString(i).hashCode();
        }
        return t;
    }
}
