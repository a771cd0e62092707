package dev.benchbook.load;

/**
 * Why a request failed. Every scheduled request of the measured window ends as exactly one of: a successful
 * response (status 1xx–3xx), an error of one of these kinds, or dropped (see {@link Load#dropAfter}).
 */
public enum ErrorKind {
    /** A complete response with a status from 400 to 499. */
    STATUS_4XX("status 4xx"),
    /** A complete response with a status from 500 to 599. */
    STATUS_5XX("status 5xx"),
    /** The connection the request was to go on could not be opened: nothing listens on the port. */
    CONNECT_REFUSED("connect refused"),
    /** The connection could not be opened for another reason (the message is kept in the notes). */
    CONNECT_FAILED("connect failed"),
    /** No complete response within {@link Load#timeout} of sending; the connection is closed and reopened. */
    TIMEOUT("timeout"),
    /** The server reset the connection (RST) while the request was outstanding. */
    RESET("reset"),
    /** The server closed the connection (EOF) before the response was complete. */
    CLOSED("closed"),
    /** The response was not valid HTTP/1.1 (bad status line, header or chunk size); the connection is closed. */
    BAD_RESPONSE("bad response"),
    /** Any other I/O error on the connection while the request was outstanding. */
    IO("i/o error");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The kind as the {@code errors()} table shows it, e.g. {@code "status 5xx"}. */
    public String label() {
        return label;
    }

    /** The kind of a status code, or {@code null} for a success (below 400). */
    static ErrorKind ofStatus(int status) {
        if (status >= 500) {
            return STATUS_5XX;
        }
        return status >= 400 ? STATUS_4XX : null;
    }
}
