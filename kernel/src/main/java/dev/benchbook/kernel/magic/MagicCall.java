package dev.benchbook.kernel.magic;

/**
 * One invocation of a magic in a cell.
 *
 * @param name the magic as written, {@code %maven} or {@code %%bench}
 * @param args the rest of the magic's line, unparsed
 * @param body the lines below a cell magic; empty for a line magic
 * @param line the 1-based line of the magic in its cell
 * @param label how the cell is named in stack traces, e.g. {@code "cell [3]"}
 */
public record MagicCall(String name, String args, String body, int line, String label) {
    /**
     * {@code text} preceded by as many blank lines as there are lines above {@code firstLine}, so
     * that errors and stack traces of evaluated code name the cell's own line numbers.
     */
    public static String padded(String text, int firstLine) {
        return "\n".repeat(Math.max(0, firstLine - 1)) + text;
    }

    /** The body padded to start on the line below the magic; see {@link #padded}. */
    public String paddedBody() {
        return padded(body, line + 1);
    }
}
