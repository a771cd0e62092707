package dev.benchbook.kernel;

/** Positions in cell sources: where a snippet JShell trimmed starts, which line an offset is on. */
final class SnippetText {
    private SnippetText() {
    }

    /** The 1-based line of {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Where JShell's (trimmed, perhaps semicolon-completed) snippet source starts in the input. */
    static int locate(String input, String source) {
        String core = source.stripTrailing();
        int at = input.indexOf(core);
        if (at < 0 && core.endsWith(";")) {
            at = input.indexOf(core.substring(0, core.length() - 1));
        }
        if (at >= 0) {
            return at;
        }
        int lead = 0;
        while (lead < input.length() && Character.isWhitespace(input.charAt(lead))) {
            lead++;
        }
        return lead;
    }
}
