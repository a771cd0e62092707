package dev.benchbook.report;

import static dev.benchbook.plot.FigureJs.count;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outline of an HTML report, one line per element that matters: headings, key/value rows, table
 * captions and header rows, paragraphs, problems, plot divs, and how many times plotly.js is included.
 * Scripts are skipped, so the outline does not change with plot data or plotly.js.
 */
final class ReportStructure {
    private static final Pattern SCRIPT = Pattern.compile("<script>.*?</script>", Pattern.DOTALL);
    private static final Pattern ELEMENT = Pattern.compile(
            "<h([1-3])[^>]*>(.*?)</h\\1>"
                    + "|<tr><th>([^<]*)</th><td>([^<]*)</td></tr>"
                    + "|<caption>(.*?)</caption>"
                    + "|<thead><tr>(.*?)</tr></thead>"
                    + "|<p(?: class=\"([\\w-]+)\")?>(.*?)</p>"
                    + "|<li>(.*?)</li>"
                    + "|<div id=\"(\\w+)\" class=\"benchbook-plot\"", Pattern.DOTALL);

    private ReportStructure() {}

    static String of(String html) {
        StringBuilder b = new StringBuilder();
        String title = html.substring(html.indexOf("<title>") + 7, html.indexOf("</title>"));
        b.append("title ").append(title).append('\n');
        String body = SCRIPT.matcher(html.substring(html.indexOf("<body>"))).replaceAll("");
        Matcher m = ELEMENT.matcher(body);
        while (m.find()) {
            if (m.group(1) != null) {
                b.append("h").append(m.group(1)).append(' ').append(m.group(2)).append('\n');
            } else if (m.group(3) != null) {
                b.append("  ").append(m.group(3)).append(": ").append(m.group(4)).append('\n');
            } else if (m.group(5) != null) {
                b.append("  table ").append(m.group(5)).append('\n');
            } else if (m.group(6) != null) {
                b.append("  columns ").append(m.group(6).replace("</th><th>", " | ").replace("<th>", "")
                        .replace("</th>", "")).append('\n');
            } else if (m.group(8) != null) {
                b.append("  p").append(m.group(7) == null ? "" : "." + m.group(7)).append(' ').append(m.group(8))
                        .append('\n');
            } else if (m.group(9) != null) {
                b.append("  li ").append(m.group(9)).append('\n');
            } else {
                b.append("  plot ").append(m.group(10)).append('\n');
            }
        }
        b.append("plotly.js included ").append(count(html, "* plotly.js v2.35.3")).append(" time(s)\n");
        b.append("plot divs ").append(count(html, "class=\"benchbook-plot\"")).append('\n');
        return b.toString();
    }
}
