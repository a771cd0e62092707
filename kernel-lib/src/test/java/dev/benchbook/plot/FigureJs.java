package dev.benchbook.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/** Reads what tests need out of the JavaScript that a figure renders to. */
public final class FigureJs {
    private static final Pattern TRACE_TYPE = Pattern.compile("type: '(\\w+)',\\s*name: '");
    private static final Pattern LAYOUT_TITLE = Pattern.compile("var layout = \\{\\s*title: '([^']*)'");

    private FigureJs() {}

    public static String js(Figure f) {
        return f.asJavascript("t");
    }

    /** The plotly type of every trace, in order. */
    public static List<String> traceTypes(Figure f) {
        List<String> out = new ArrayList<>();
        Matcher m = TRACE_TYPE.matcher(js(f));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The layout title as written into the script (HTML-escaped by tablesaw), or "" if none. */
    public static String title(Figure f) {
        Matcher m = LAYOUT_TITLE.matcher(js(f));
        return m.find() ? m.group(1) : "";
    }

    public static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
