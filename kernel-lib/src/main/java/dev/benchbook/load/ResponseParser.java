package dev.benchbook.load;

import java.nio.ByteBuffer;

/**
 * An incremental HTTP/1.1 response parser for one connection: it is fed whatever bytes arrive, in any split,
 * and says when a response is complete. It keeps only the current header line; bodies are counted, never
 * stored. Bodies are delimited by {@code Content-Length}, by {@code Transfer-Encoding: chunked} (trailers
 * skipped), or by the end of the connection when neither is present; 1xx interim responses are skipped, and
 * 204 and 304 have no body. Anything else (a bad status line, a header line over 8 KiB, a bad chunk size)
 * is a {@link BadResponse}.
 */
final class ResponseParser {
    /** Thrown for bytes that are not an HTTP/1.1 response. */
    static final class BadResponse extends Exception {
        private static final long serialVersionUID = 1L;

        BadResponse(String message) {
            super(message);
        }
    }

    static final int MAX_LINE = 8192;

    private enum State { STATUS, HEADERS, BODY_LENGTH, BODY_EOF, CHUNK_SIZE, CHUNK_DATA, CHUNK_CRLF, TRAILERS }

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private State state = State.STATUS;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private long remaining;
    private int lastStatus;
    private boolean lastClose;

    /**
     * Consumes bytes from {@code in} up to the end of the current response, or all of them.
     *
     * @return true when a response was completed: then {@link #status()} and {@link #closeAfter()} describe it,
     *         and {@code in} may still hold the start of the next one
     */
    boolean feed(ByteBuffer in) throws BadResponse {
        while (in.hasRemaining()) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_CRLF, TRAILERS -> {
                    if (!readLine(in)) {
                        return false;
                    }
                    if (onLine()) {
                        return true;
                    }
                }
                case BODY_LENGTH, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.BODY_LENGTH) {
                            return complete();
                        }
                        state = State.CHUNK_CRLF;
                    }
                }
                case BODY_EOF -> in.position(in.limit());
                default -> throw new IllegalStateException(state.name());
            }
        }
        return false;
    }

    /**
     * The connection ended: true when that completes a response delimited by the end of the connection;
     * false when no response had begun.
     *
     * @throws BadResponse when a response was cut short
     */
    boolean endOfInput() throws BadResponse {
        if (state == State.BODY_EOF) {
            close = true;
            return complete();
        }
        if (state == State.STATUS && lineLength == 0) {
            return false;
        }
        throw new BadResponse("the connection ended inside a response (" + state.name().toLowerCase() + ")");
    }

    /** True while a response has begun and is not complete. */
    boolean inResponse() {
        return state != State.STATUS || lineLength > 0;
    }

    /** The status code of the last completed response. */
    int status() {
        return lastStatus;
    }

    /** True when the last completed response closes the connection ({@code Connection: close}, or HTTP/1.0). */
    boolean closeAfter() {
        return lastClose;
    }

    /** Forgets any partial response, for a new connection. */
    void reset() {
        lineLength = 0;
        state = State.STATUS;
    }

    private boolean readLine(ByteBuffer in) throws BadResponse {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == MAX_LINE) {
                throw new BadResponse("a line of the response is longer than " + MAX_LINE + " bytes");
            }
            line[lineLength++] = b;
        }
        return false;
    }

    /** Handles the line just read; true when it completes a response. */
    private boolean onLine() throws BadResponse {
        int n = lineLength;
        lineLength = 0;
        switch (state) {
            case STATUS -> {
                if (n == 0) {
                    return false; // tolerated: blank lines before a status line
                }
                startResponse(n);
                state = State.HEADERS;
                return false;
            }
            case HEADERS -> {
                if (n > 0) {
                    header(n);
                    return false;
                }
                if (status >= 100 && status < 200 && status != 101) {
                    state = State.STATUS; // interim response: the real one follows
                    return false;
                }
                if (status == 204 || status == 304) {
                    return complete();
                }
                if (chunked) {
                    state = State.CHUNK_SIZE;
                    return false;
                }
                if (contentLength >= 0) {
                    if (contentLength == 0) {
                        return complete();
                    }
                    remaining = contentLength;
                    state = State.BODY_LENGTH;
                    return false;
                }
                state = State.BODY_EOF;
                return false;
            }
            case CHUNK_SIZE -> {
                long size = chunkSize(n);
                if (size == 0) {
                    state = State.TRAILERS;
                } else {
                    remaining = size;
                    state = State.CHUNK_DATA;
                }
                return false;
            }
            case CHUNK_CRLF -> {
                if (n != 0) {
                    throw new BadResponse("chunk data is not followed by CRLF");
                }
                state = State.CHUNK_SIZE;
                return false;
            }
            case TRAILERS -> {
                return n == 0 && complete();
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void startResponse(int n) throws BadResponse {
        // "HTTP/1.1 200 OK": version, space, three digits, then a space or the end of the line
        if (n < 12 || line[0] != 'H' || line[1] != 'T' || line[2] != 'T' || line[3] != 'P' || line[4] != '/'
                || line[8] != ' ' || (n > 12 && line[12] != ' ')) {
            throw new BadResponse("bad status line: \"" + text(0, n) + "\"");
        }
        int s = 0;
        for (int i = 9; i < 12; i++) {
            int d = line[i] - '0';
            if (d < 0 || d > 9) {
                throw new BadResponse("bad status code in \"" + text(0, n) + "\"");
            }
            s = s * 10 + d;
        }
        if (s < 100 || s > 599) {
            throw new BadResponse("status " + s + " is outside 100..599");
        }
        status = s;
        contentLength = -1;
        chunked = false;
        close = line[5] == '1' && line[6] == '.' && line[7] == '0';
    }

    private void header(int n) throws BadResponse {
        int colon = -1;
        for (int i = 0; i < n; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            throw new BadResponse("bad header line: \"" + text(0, n) + "\"");
        }
        int v = colon + 1;
        while (v < n && (line[v] == ' ' || line[v] == '\t')) {
            v++;
        }
        int end = n;
        while (end > v && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        if (nameIs("content-length", colon)) {
            long len = 0;
            if (v == end) {
                throw new BadResponse("empty Content-Length");
            }
            for (int i = v; i < end; i++) {
                int d = line[i] - '0';
                if (d < 0 || d > 9 || len > (Long.MAX_VALUE - d) / 10) {
                    throw new BadResponse("bad Content-Length: \"" + text(v, end) + "\"");
                }
                len = len * 10 + d;
            }
            contentLength = len;
        } else if (nameIs("transfer-encoding", colon)) {
            chunked = text(v, end).toLowerCase().contains("chunked");
        } else if (nameIs("connection", colon)) {
            String value = text(v, end).toLowerCase();
            if (value.contains("close")) {
                close = true;
            } else if (value.contains("keep-alive")) {
                close = false;
            }
        }
    }

    private long chunkSize(int n) throws BadResponse {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < n; i++) {
            byte b = line[i];
            int d = b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
            if (d < 0) {
                if (b == ';' || b == ' ' || b == '\t') {
                    break; // chunk extensions are ignored
                }
                throw new BadResponse("bad chunk size: \"" + text(0, n) + "\"");
            }
            if (++digits > 15) {
                throw new BadResponse("chunk size too large: \"" + text(0, n) + "\"");
            }
            size = size * 16 + d;
        }
        if (digits == 0) {
            throw new BadResponse("bad chunk size: \"" + text(0, n) + "\"");
        }
        return size;
    }

    private boolean nameIs(String lowerName, int length) {
        if (length != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = line[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean complete() {
        lastStatus = status;
        lastClose = close;
        state = State.STATUS;
        lineLength = 0;
        return true;
    }

    private String text(int from, int to) {
        return new String(line, from, Math.min(to, from + 200) - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
