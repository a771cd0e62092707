package dev.benchbook.report;

import static dev.benchbook.plot.FigureJs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.benchbook.plot.FigureHtml;
import dev.benchbook.plot.Plots;
import dev.benchbook.plot.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in headless Chromium with the network off (a new network namespace when
 * {@code unshare --net} works, and in any case a dead proxy and a resolver that finds nothing) and
 * checks that plotly.js drew every plot as SVG. Leaves the report, the DOM and a screenshot in
 * {@code target/report-browser/}. Skipped when {@code /usr/bin/chromium} is not installed.
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target", "report-browser");
    private static final int PLOTS = 5;

    @Test
    void reportDrawsEveryPlotOfflineInHeadlessChromium(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is not installed;"
                + " install it with apt-get install -y chromium to run the browser check");
        Files.createDirectories(OUT);
        Path report = HtmlReport.write(TestRuns.sorting(), OUT.resolve("sorting.html"));
        Path dom = OUT.resolve("sorting.dom.html");

        long started = System.nanoTime();
        HeadlessChromium.Result r = chromium(dir, List.of("--dump-dom", report.toUri().toString()), dom);
        long domMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, r.exit(), "chromium --dump-dom failed: " + r.stderr());
        String html = Files.readString(dom);

        assertEquals(PLOTS, count(html, "class=\"benchbook-plot js-plotly-plot\""), "every plot div drawn by plotly");
        assertTrue(count(html, "class=\"main-svg\"") >= PLOTS, "plotly's SVG in the DOM");
        assertTrue(html.contains("sorting: distribution of wall time per operation"), "titles render");
        String shown = html.replaceAll("(?s)<script>.*?</script>", "");
        assertFalse(shown.contains("Benchbook: plotly.js is not loaded"), "plotly.js loaded from the page itself");
        assertFalse(shown.contains("Benchbook: this plot failed"), "every plot drew without an error");

        Path png = OUT.resolve("sorting.png");
        started = System.nanoTime();
        HeadlessChromium.Result shot = chromium(dir, List.of("--window-size=1280,4200", "--hide-scrollbars",
                "--screenshot=" + png.toAbsolutePath(), report.toUri().toString()), null);
        long shotMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, shot.exit(), "chromium --screenshot failed: " + shot.stderr());
        assertTrue(Files.size(png) > 50_000, "a screenshot with content: " + Files.size(png) + " bytes");
        System.out.printf("ReportBrowserIT: report %d bytes; chromium --dump-dom %d ms, --screenshot %d ms;"
                + " network namespace: %s; output in %s%n", Files.size(report), domMs, shotMs, r.isolated(),
                OUT.toAbsolutePath());
    }

    @Test
    void plotlyLoadsAndDrawsUnderAnAmdLoaderAsInTheClassicNotebook(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is not installed;"
                + " install it with apt-get install -y chromium to run the browser check");
        Files.createDirectories(OUT);
        Path page = OUT.resolve("amd.html");
        Files.writeString(page, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<script>window.amdCalls = 0; window.define = function () { window.amdCalls++; };"
                + " window.define.amd = {};</script></head><body>\n"
                + FigureHtml.plotlyScript()
                + FigureHtml.div(Plots.timeline(TestRuns.sorting(), "arrays.sort"), "amd_plot")
                + "<script>document.body.setAttribute('data-amd-calls', String(window.amdCalls));"
                + " document.body.setAttribute('data-define-restored',"
                + " String(typeof window.define === 'function' && !!window.define.amd));</script>\n</body></html>\n");
        Path dom = OUT.resolve("amd.dom.html");
        HeadlessChromium.Result r = chromium(dir, List.of("--dump-dom", page.toUri().toString()), dom);
        assertEquals(0, r.exit(), "chromium --dump-dom failed: " + r.stderr());
        String html = Files.readString(dom);
        assertTrue(html.contains("data-amd-calls=\"0\""), "plotly.js did not register itself as an AMD module");
        assertTrue(html.contains("data-define-restored=\"true\""), "the page's define is back after loading");
        assertTrue(html.contains("class=\"benchbook-plot js-plotly-plot\""), "the figure was drawn via window.Plotly");
    }

    private static HeadlessChromium.Result chromium(Path dir, List<String> args, Path stdout)
            throws IOException, InterruptedException {
        return HeadlessChromium.run(dir, args, stdout);
    }
}
