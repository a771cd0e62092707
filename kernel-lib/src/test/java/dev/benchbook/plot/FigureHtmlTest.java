package dev.benchbook.plot;

import static dev.benchbook.plot.FigureJs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.result.RunResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

class FigureHtmlTest {
    /** The first line of plotly.min.js's licence banner, present once per copy. */
    static final String PLOTLY_BANNER = "* plotly.js v" + FigureHtml.PLOTLY_VERSION;
    private static final RunResult HOSTILE = TestRuns.hostile();

    @Test
    void plotlyScriptHidesAmdDefineWhileLoadingAndRestoresIt() {
        String s = FigureHtml.plotlyScript();
        assertEquals(1, count(s, PLOTLY_BANNER));
        int hide = s.indexOf("window.define = undefined;");
        int plotly = s.indexOf(PLOTLY_BANNER);
        int restore = s.indexOf("window.define = window.__benchbookDefine;");
        assertTrue(hide >= 0 && hide < plotly && plotly < restore, "hide, load, restore in that order");
        assertEquals(3, count(s, "<script>"));
        assertEquals(3, count(s, "</script>"), "plotly.js itself contains no closing script tag");
        assertTrue(s.length() > 4_000_000, "the whole minified bundle: " + s.length());
    }

    @Test
    void divDrawsTheFigureOnceWindowPlotlyExistsWithoutGlobals() {
        String html = FigureHtml.div(Plots.distribution(TestRuns.sorting()), "plot_1");
        assertTrue(html.startsWith("<div id=\"plot_1\" class=\"benchbook-plot\""), html);
        assertTrue(html.contains("if (window.Plotly) {"));
        assertTrue(html.contains("Plotly.newPlot(target_plot_1, data, layout, config);"), html);
        assertTrue(html.contains("var draw = function () {"), "tablesaw's var declarations stay local");
        assertEquals(1, count(html, "<script>"));
        assertEquals(1, count(html, "</script>"));
    }

    @Test
    void divIdsAreUniqueAndValidated() {
        Figure f = Plots.distribution(TestRuns.noParams());
        Pattern id = Pattern.compile("<div id=\"(\\w+)\"");
        Matcher a = id.matcher(FigureHtml.div(f));
        Matcher b = id.matcher(FigureHtml.div(f));
        assertTrue(a.find() && b.find());
        assertNotEquals(a.group(1), b.group(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FigureHtml.div(f, "a-b"));
        assertEquals("div(id=\"a-b\"): must match [A-Za-z_][A-Za-z0-9_]* because tablesaw also uses it in a"
                + " JavaScript variable name; use e.g. \"plot_1\"", e.getMessage());
    }

    @Test
    void hostileNamesInTitlesTracesAndDataCannotCloseTheScriptOrRunCode() {
        for (Figure f : new Figure[] {Plots.distribution(HOSTILE), Plots.timeline(HOSTILE, TestRuns.SCRIPT),
                Plots.histogram(HOSTILE, TestRuns.SCRIPT), Plots.ratio(HOSTILE, TestRuns.SCRIPT)}) {
            String html = FigureHtml.div(f, "p");
            assertEquals(1, count(html, "<script"), html);
            assertEquals(1, count(html, "</script"), html);
            assertFalse(html.contains("<b>"), html);
            assertFalse(html.contains("<img"), html);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;"), "shown as text by plotly: " + html);
        }
    }

    @Test
    void backslashesQuotesAndLineBreaksInNamesKeepTheStringsIntact() {
        String js = FigureJs.js(Plots.distribution(HOSTILE));
        Matcher m = Pattern.compile("^title: '(.*)',$", Pattern.MULTILINE).matcher(js.replace("    title", "title"));
        assertTrue(m.find(), js);
        assertTrue(m.group(1).contains("&#39;q&#39; \\\\ x"), m.group(1));
        Matcher names = Pattern.compile("^name: '((?:[^'\\\\\\n]|\\\\.)*)',$", Pattern.MULTILINE).matcher(js);
        int n = 0;
        while (names.find()) {
            n++;
        }
        assertEquals(2, n, "every trace name is one well-formed single-quoted string: " + js);
    }

    @Test
    void embedderIncludesPlotlyOnlyInTheFirstFragmentUntilReset() {
        PlotlyEmbedder embedder = new PlotlyEmbedder();
        Figure f = Plots.distribution(TestRuns.noParams());
        assertFalse(embedder.included());
        String first = embedder.html(f);
        String second = embedder.html(f);
        assertEquals(1, count(first, PLOTLY_BANNER));
        assertTrue(first.indexOf(PLOTLY_BANNER) < first.indexOf("<div id="), "plotly before the figure");
        assertEquals(0, count(second, PLOTLY_BANNER));
        assertTrue(second.startsWith("<div id="));
        assertEquals("", embedder.plotlyOnce());
        embedder.reset();
        assertEquals(1, count(embedder.html(f), PLOTLY_BANNER));
    }

    @Test
    void standalonePageIncludesPlotlyOnceAndEveryFigure() {
        RunResult r = TestRuns.sorting();
        String page = FigureHtml.standalone("<sorting>", Plots.distribution(r), Plots.scaling(r, "size"),
                Plots.ratio(r, "arrays.sort"));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("<title>&lt;sorting&gt;</title>"));
        assertEquals(1, count(page, PLOTLY_BANNER));
        assertEquals(3, count(page, "class=\"benchbook-plot\""));
        assertEquals(0, count(page, "<link"), "nothing loaded from the network");
        assertEquals(0, count(page, "<script src"));
    }

    @Test
    void scriptSafeEscapesEveryClosingTagAndCommentOpener() {
        assertEquals("x = \"<\\/script><\\/SCRIPT><\\!--\";", FigureHtml.scriptSafe("x = \"</script></SCRIPT><!--\";"));
    }
}
