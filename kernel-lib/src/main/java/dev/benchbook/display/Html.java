package dev.benchbook.display;

/** HTML escaping for text that ends up in notebook output or reports. */
public final class Html {
    private Html() {}

    /** Escapes {@code &, <, >, ", '} so that {@code text} shows as text in HTML content and attributes. */
    public static String escape(Object text) {
        String s = String.valueOf(text);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
