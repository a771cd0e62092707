package dev.benchbook.plot;

import dev.benchbook.display.Html;

/**
 * Escaping of user text on its way into a tablesaw figure. Tablesaw puts titles and trace names into
 * single-quoted JavaScript strings through Pebble, which HTML-escapes them but leaves backslashes and
 * line breaks alone; data arrays (category labels, hover text) are JSON-escaped but not HTML-escaped.
 * plotly.js renders both kinds as its pseudo-HTML and decodes entities, so HTML-escaped text shows as
 * typed, tags included.
 */
final class Labels {
    private Labels() {}

    /**
     * For a title, axis title or trace name: escapes backslashes and line terminators so that the
     * single-quoted string tablesaw writes cannot end early. Pebble adds the HTML escaping.
     */
    static String template(String text) {
        String s = String.valueOf(text);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** For a value in a data array (category label, hover text): HTML-escaped, so plotly shows it as text. */
    static String data(Object text) {
        return Html.escape(text);
    }

    /** Every value of {@code texts} escaped with {@link #data}, into a new array. */
    static String[] data(String[] texts) {
        String[] out = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = data(texts[i]);
        }
        return out;
    }
}
