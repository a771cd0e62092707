package dev.benchbook.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc as plain text for the inspection pane: tags and inline tags to text, and a link to a
 * {@code Defaults} constant followed by its value, so that a builder method's doc shows its default.
 */
final class JavadocText {
    private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}");
    private static final String DEFAULTS = "dev.benchbook.spec.Defaults";

    private JavadocText() {
    }

    /** {@code javadoc} without HTML and inline tags. */
    static String plain(String javadoc) {
        Matcher m = INLINE.matcher(javadoc);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String body = m.group(2).strip();
            String text = switch (m.group(1)) {
                case "link", "linkplain", "value" -> link(body);
                default -> body;
            };
            m.appendReplacement(b, Matcher.quoteReplacement(text));
        }
        m.appendTail(b);
        // Source line breaks inside a paragraph are not breaks; <pre> keeps its lines.
        StringBuilder out = new StringBuilder();
        String[] blocks = b.toString().split("(?i)</?pre>");
        for (int i = 0; i < blocks.length; i++) {
            String block = i % 2 == 1 ? "\n" + blocks[i].replaceAll("(?m)^ ?", "    ").stripTrailing() + "\n"
                    : blocks[i].replaceAll("\\s+", " ")
                            .replaceAll("(?i)\\s*<p>\\s*", "\n\n")
                            .replaceAll("(?i)\\s*<li>\\s*", "\n- ")
                            .replaceAll("(?i)\\s*</?(ul|ol)>\\s*", "\n");
            out.append(block);
        }
        return out.toString()
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    /** {@code Type#member label} as {@code label}, or {@code Type.member}, with a Defaults constant's value. */
    private static String link(String body) {
        String[] parts = body.split("\\s+", 2);
        String target = parts[0];
        String shown = parts.length > 1 ? parts[1] : target.startsWith("#") ? target.substring(1) : target.replace('#', '.');
        int hash = target.indexOf('#');
        if (hash > 0 && (target.substring(0, hash).equals("Defaults") || target.substring(0, hash).equals(DEFAULTS))) {
            String value = constant(target.substring(hash + 1));
            if (value != null) {
                return shown + " (" + value + ")";
            }
        }
        return shown;
    }

    private static String constant(String name) {
        try {
            Field f = Class.forName(DEFAULTS).getField(name);
            return Modifier.isStatic(f.getModifiers()) ? String.valueOf(f.get(null)) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
