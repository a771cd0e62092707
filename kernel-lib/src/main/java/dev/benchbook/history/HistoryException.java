package dev.benchbook.history;

/**
 * A history store that cannot be opened, read or written. The message names the store (file or URL,
 * without its password), what is wrong and the fix.
 */
public final class HistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HistoryException(String store, String problem) {
        super("history store " + store + ": " + problem);
    }

    HistoryException(String store, String problem, Throwable cause) {
        super("history store " + store + ": " + problem, cause);
    }
}
