package dev.benchbook.display;

/**
 * Something that knows how to show itself in a notebook: an HTML view and a plain-text fallback.
 *
 * <p>The kernel renders any cell value that implements this interface as {@code text/html} with
 * {@code text/plain} as the fallback. Implementations must escape every user-supplied string.
 */
public interface Displayable {

    /** An HTML fragment (no {@code <html>} or {@code <body>}), with all user text escaped. */
    String toHtml();

    /** A plain-text rendering for consoles and for front ends that cannot show HTML. */
    String toText();
}
