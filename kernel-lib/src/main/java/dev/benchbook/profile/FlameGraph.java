package dev.benchbook.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An interactive flame graph (icicle layout: the benchmark at the top, callees below): click a frame
 * to zoom into it (click the top bar to zoom out), type in the search box to highlight the frames
 * whose name matches (a regular expression, case-insensitive) and see their share, hover for a
 * frame's samples and share. A diff graph is laid out by the candidate and coloured by the change of
 * each path's share against the base: red grew, blue shrank. Self-contained HTML, SVG and a few
 * kilobytes of our own JavaScript: it draws offline, in a notebook, a report or a file.
 */
public final class FlameGraph implements Displayable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = readScript();
    /** Frames under this share of the total are left out: they would be narrower than a pixel. */
    static final double MIN_SHARE = 0.0002;

    private final String title;
    private final String unit;
    private final FlameNode root;
    private final long baseTotal;
    private final boolean diff;

    FlameGraph(String title, String unit, FlameNode root, long baseTotal, boolean diff) {
        this.title = title;
        this.unit = unit;
        this.root = root;
        this.baseTotal = baseTotal;
        this.diff = diff;
    }

    /** The graph's title, e.g. {@code regex: 412 samples}. */
    public String title() {
        return title;
    }

    /** The total weight: samples, or bytes for an allocation graph. */
    public long total() {
        return root.total;
    }

    /** Whether this is a diff graph. */
    public boolean isDiff() {
        return diff;
    }

    /** The graph's data as JSON: {@code {title, unit, diff, total, base_total, root: {n, v, s, b, c: [...]}}}. */
    public String json() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("title", title);
        doc.put("unit", unit);
        doc.put("diff", diff);
        doc.put("total", root.total);
        doc.put("base_total", baseTotal);
        long min = (long) Math.floor(root.total * MIN_SHARE);
        doc.set("root", node(root, min));
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the flame graph's data: " + e.getMessage(), e);
        }
    }

    private ObjectNode node(FlameNode n, long min) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", n.name);
        o.put("v", n.total);
        o.put("s", n.self);
        if (diff) {
            o.put("b", n.baseShare);
        }
        ArrayNode cs = null;
        for (FlameNode c : n.children()) {
            if (c.total < min) {
                continue;
            }
            if (cs == null) {
                cs = o.putArray("c");
            }
            cs.add(node(c, min));
        }
        return o;
    }

    @Override
    public String toHtml() {
        String id = "benchbook_flame_" + UUID.randomUUID().toString().replace("-", "");
        // "</" cannot appear inside the script: names are data, and JSON may write "<\/" for "</".
        String data = json().replace("</", "<\\/").replace("<!--", "<\\!--");
        return "<div class=\"benchbook-flame\" id=\"" + id + "\" style=\"font:12px system-ui,sans-serif\">"
                + "<noscript>" + Html.escape(toText()) + "</noscript></div>\n"
                + "<script>" + SCRIPT + "\n(function(){var d=" + data + ";window.BenchbookFlame.draw('" + id
                + "',d);})();</script>\n";
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(title).append('\n');
        List<String> lines = new ArrayList<>();
        text(root, "", lines, 0);
        lines.stream().limit(40).forEach(l -> b.append(l).append('\n'));
        if (lines.size() > 40) {
            b.append("... (").append(lines.size() - 40).append(" more frames)\n");
        }
        return b.toString();
    }

    private void text(FlameNode n, String indent, List<String> out, int depth) {
        if (depth > 0) {
            double share = root.total == 0 ? 0 : 100.0 * n.total / root.total;
            String change = diff ? String.format(Locale.ROOT, " (%+.1f pts)", share - 100 * n.baseShare) : "";
            out.add(String.format(Locale.ROOT, "%s%5.1f%% %s%s", indent, share, n.name, change));
        }
        for (FlameNode c : n.children()) {
            if (root.total > 0 && (double) c.total / root.total >= 0.01) {
                text(c, depth == 0 ? "" : indent + "  ", out, depth + 1);
            }
        }
    }

    /** A complete HTML page with this graph alone; it opens offline from a file. */
    public String standalone() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + Html.escape(title) + "</title>\n</head>\n<body>\n" + toHtml() + "</body>\n</html>\n";
    }

    /** Writes {@link #standalone()} to {@code file}, atomically, and returns it. */
    public Path write(Path file) {
        return AtomicFiles.writeString(file, standalone(), "flame graph");
    }

    @Override
    public String toString() {
        return toText();
    }

    private static String readScript() {
        try (InputStream in = FlameGraph.class.getResourceAsStream("flamegraph.js")) {
            if (in == null) {
                throw new IllegalStateException("flamegraph.js is missing from the classpath beside "
                        + FlameGraph.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
