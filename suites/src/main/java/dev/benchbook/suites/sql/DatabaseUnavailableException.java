package dev.benchbook.suites.sql;

/**
 * The database a param value names cannot be used here, for example no PostgreSQL server is reachable. Its
 * message starts with {@code unsupported:}, names what was tried and says how to make it available; the
 * benchmark run of that param value fails with it, and the other values run.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
