package dev.benchbook.jmh;

/**
 * A JMH JSON file that cannot be read: malformed JSON, a missing or mistyped field, an unknown mode
 * or unit, or a value out of range. The message names the source, the JSON path, the offending value,
 * the rule and the fix, in the form {@code source: path = value: rule; fix}.
 */
public final class JmhFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String jsonPath;

    JmhFormatException(String source, String jsonPath, String value, String rule, String fix, Throwable cause) {
        super(source + ": " + jsonPath + " = " + value + ": " + rule + "; " + fix, cause);
        this.source = source;
        this.jsonPath = jsonPath;
    }

    JmhFormatException(String source, String jsonPath, String value, String rule, String fix) {
        this(source, jsonPath, value, rule, fix, null);
    }

    /** The file (or the name given to a reader) the bad JSON came from. */
    public String source() {
        return source;
    }

    /**
     * Where in the document the problem is, as a JSON path such as {@code
     * $[0].primaryMetric.scoreUnit}; {@code $} for the whole document.
     */
    public String jsonPath() {
        return jsonPath;
    }
}
