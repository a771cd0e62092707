package dev.benchbook.plot;

import dev.benchbook.display.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * HTML for figures, offline: plotly.js {@value #PLOTLY_VERSION} is read from this jar (MIT licence, see
 * {@code plotly-2.35.3.LICENSE.txt} beside it) and inlined, never fetched. A page or notebook needs
 * {@link #plotlyScript()} once, before or after any number of {@link #div(Figure)} fragments: each
 * fragment waits for {@code window.Plotly}. {@link PlotlyEmbedder} tracks the "once" for a caller that
 * emits fragments one at a time. Every script is safe to inline: {@code </} in figure data is written
 * as {@code <\/}, so no benchmark or param name can close the script or open a new one.
 */
public final class FigureHtml {
    /** The bundled plotly.js version. Plotly 2 shows tablesaw's plain-string titles; plotly 3 would not. */
    public static final String PLOTLY_VERSION = "2.35.3";
    /** Classpath location of the bundled, minified plotly.js. */
    static final String PLOTLY_RESOURCE = "/dev/benchbook/plot/plotly-" + PLOTLY_VERSION + ".min.js";
    /** Milliseconds a figure waits for plotly.js before it shows an error in its place. */
    static final int WAIT_MS = 10_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");
    private static volatile String plotlyJs;

    /**
     * The Jupyter comm target through which a figure asks a live kernel for plotly.js when the page
     * does not have it: after a reload, or in a second tab on a kernel that already sent it once. The
     * kernel answers with one message {@code {"source": <plotly.js>}}.
     */
    public static final String PLOTLY_COMM_TARGET = "benchbook.plotly";

    private FigureHtml() {}

    /** The bundled plotly.js source, for a kernel to send through {@link #PLOTLY_COMM_TARGET}. */
    public static String plotlySource() {
        return plotlyJs();
    }

    /**
     * Three {@code <script>} elements that load the bundled plotly.js (about 4.6 MB) and set
     * {@code window.Plotly}. AMD's {@code define} (RequireJS in the classic Jupyter notebook) is hidden
     * while plotly.js runs, because its UMD header would otherwise register an anonymous AMD module
     * instead of setting {@code window.Plotly}, and is restored afterwards. Loading it twice is harmless.
     *
     * @throws IllegalStateException if the bundled plotly.js is missing from the classpath
     */
    public static String plotlyScript() {
        return "<script>/* Benchbook: hide AMD define while plotly.js loads so that it sets window.Plotly */"
                + "window.__benchbookDefine = window.define; window.define = undefined;</script>\n"
                + "<script>" + plotlyJs() + "\n</script>\n"
                + "<script>window.define = window.__benchbookDefine;"
                + " try { delete window.__benchbookDefine; }"
                + " catch (e) { window.__benchbookDefine = undefined; }</script>\n";
    }

    /**
     * The figure's {@code <div>} with a new unique id and the script that draws it; see {@link
     * #div(Figure, String)}.
     */
    public static String div(Figure figure) {
        return div(figure, "benchbook_plot_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * The figure's {@code <div id="id">} and a script that draws it with {@code Plotly.newPlot} as soon
     * as {@code window.Plotly} exists, polling for up to {@value #WAIT_MS} ms; after that, or if drawing
     * fails, the div shows the reason as text. The script declares nothing global.
     *
     * @param id the div id, unique in the page; it also names a JavaScript variable, so it must match
     *     {@code [A-Za-z_][A-Za-z0-9_]*}
     * @throws IllegalArgumentException if {@code id} does not match
     */
    public static String div(Figure figure, String id) {
        Objects.requireNonNull(figure, "figure");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("div(id=\"" + id + "\"): must match [A-Za-z_][A-Za-z0-9_]* because"
                    + " tablesaw also uses it in a JavaScript variable name; use e.g. \"plot_1\"");
        }
        String js = figure.asJavascript(id);
        int start = js.indexOf("<script>");
        int end = js.lastIndexOf("</script>");
        if (start < 0 || end < start) {
            throw new IllegalStateException("tablesaw's figure script for div " + id + " has no <script> element;"
                    + " check the tablesaw-jsplot version (expected 0.44.x)");
        }
        String draw = scriptSafe(js.substring(start + "<script>".length(), end));
        return "<div id=\"" + id + "\" class=\"benchbook-plot\" style=\"width:100%\"></div>\n"
                + "<script>(function () {\n"
                + "  var show = function (text) { var el = document.getElementById('" + id + "');"
                + " if (el) { el.textContent = text; el.style.color = '#b91c1c'; } };\n"
                + "  var draw = function () {" + draw + "};\n"
                // A page that never saw plotly.js (reloaded, or a second tab on a kernel that already sent
                // it) asks the live kernel for it, once per page; static HTML has no kernel and just waits.
                + "  var askKernel = function () {\n"
                + "    var nb = window.Jupyter && window.Jupyter.notebook;\n"
                + "    if (!nb || !nb.kernel || window.__benchbookPlotlyAsked) { return; }\n"
                + "    window.__benchbookPlotlyAsked = true;\n"
                + "    try {\n"
                + "      var comm = nb.kernel.comm_manager.new_comm('" + PLOTLY_COMM_TARGET + "', {});\n"
                + "      comm.on_msg(function (msg) {\n"
                + "        if (window.Plotly) { return; }\n"
                + "        var saved = window.define; window.define = void 0;\n"
                + "        try { var s = document.createElement('script'); s.text = msg.content.data.source;"
                + " document.head.appendChild(s); } finally { window.define = saved; }\n"
                + "      });\n"
                + "    } catch (e) { window.__benchbookPlotlyAsked = false; }\n"
                + "  };\n"
                + "  var waited = 0;\n"
                + "  var wait = function () {\n"
                + "    if (window.Plotly) {\n"
                + "      try { draw(); } catch (e) { show('Benchbook: this plot failed: ' + e); }\n"
                + "      return;\n"
                + "    }\n"
                + "    if (waited === 300) { askKernel(); }\n"
                + "    if ((waited += 50) > " + WAIT_MS + ") {\n"
                + "      show('Benchbook: plotly.js is not loaded in this page, so"
                + " this plot cannot be shown; emit FigureHtml.plotlyScript() once, e.g. through a PlotlyEmbedder');\n"
                + "      return;\n"
                + "    }\n"
                + "    setTimeout(wait, 50);\n"
                + "  };\n"
                + "  wait();\n"
                + "})();</script>\n";
    }

    /**
     * A complete HTML page titled "Benchbook figures" with plotly.js included once; see {@link
     * #standalone(String, Figure...)}.
     */
    public static String standalone(Figure... figures) {
        return standalone("Benchbook figures", figures);
    }

    /**
     * A complete, self-contained HTML page: {@code title} (escaped), plotly.js included once, then each
     * figure in order. It opens offline from a file.
     */
    public static String standalone(String title, Figure... figures) {
        StringBuilder b = new StringBuilder(5_000_000);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append(plotlyScript()).append("</head>\n<body>\n");
        int i = 1;
        for (Figure f : figures) {
            b.append(div(f, "benchbook_figure_" + i++));
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /**
     * Makes JavaScript safe inside an HTML {@code <script>} element: every {@code </} becomes {@code <\/}
     * and {@code <!--} becomes {@code <\!--}. Both are equivalent inside string literals, the only place
     * where figure code has them.
     */
    static String scriptSafe(String js) {
        return js.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    /** The bundled plotly.js source, read once; any {@code </script} in it is escaped. */
    static String plotlyJs() {
        String js = plotlyJs;
        if (js == null) {
            synchronized (FigureHtml.class) {
                js = plotlyJs;
                if (js == null) {
                    js = SCRIPT_END.matcher(readPlotly()).replaceAll("<\\\\/$1").replace("<!--", "<\\!--");
                    plotlyJs = js;
                }
            }
        }
        return js;
    }

    private static String readPlotly() {
        try (InputStream in = FigureHtml.class.getResourceAsStream(PLOTLY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js " + PLOTLY_VERSION + " is missing from the classpath"
                        + " (resource " + PLOTLY_RESOURCE + "); the kernel-lib build fetches it with npm into"
                        + " target/generated-resources: rebuild kernel-lib on a machine with npm");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + PLOTLY_RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
