package dev.benchbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
    private static final String LENGTH = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n";
    private static final String CHUNKED = "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: yes\r\n\r\n";

    /** Feeds {@code text} in pieces of {@code step} bytes and returns the statuses of the completed responses. */
    private static List<Integer> parse(ResponseParser p, String text, int step) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> done = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += step) {
            ByteBuffer b = ByteBuffer.wrap(bytes, from, Math.min(step, bytes.length - from));
            while (b.hasRemaining()) {
                if (p.feed(b)) {
                    done.add(p.status());
                }
            }
        }
        return done;
    }

    @Test
    void completesContentLengthAndChunkedResponsesWhateverTheSplit() throws Exception {
        String two = LENGTH + CHUNKED + LENGTH;
        for (int step = 1; step <= two.length(); step++) {
            ResponseParser p = new ResponseParser();
            assertEquals(List.of(200, 503, 200), parse(p, two, step), "split every " + step + " bytes");
            assertFalse(p.inResponse());
        }
    }

    @Test
    void aBodyCutShortIsNotComplete() throws Exception {
        ResponseParser p = new ResponseParser();
        assertEquals(List.of(), parse(p, LENGTH.substring(0, LENGTH.length() - 1), 1000));
        assertTrue(p.inResponse());
        assertThrows(ResponseParser.BadResponse.class, p::endOfInput);
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnection() throws Exception {
        ResponseParser p = new ResponseParser();
        assertEquals(List.of(), parse(p, "HTTP/1.0 200 OK\r\n\r\nsome body bytes", 4));
        assertTrue(p.endOfInput());
        assertEquals(200, p.status());
        assertTrue(p.closeAfter());
    }

    @Test
    void skipsInterimResponsesAndKnowsBodylessStatuses() throws Exception {
        ResponseParser p = new ResponseParser();
        assertEquals(List.of(204, 304),
                parse(p, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\n"
                        + "Content-Length: 99\r\n\r\n", 3));
        assertFalse(p.closeAfter());
    }

    @Test
    void readsConnectionClose() throws Exception {
        ResponseParser p = new ResponseParser();
        parse(p, "HTTP/1.1 200 OK\r\nconnection: Close\r\ncontent-length: 0\r\n\r\n", 7);
        assertTrue(p.closeAfter());
    }

    @Test
    void rejectsWhatIsNotHttp() {
        for (String bad : List.of("SSH-2.0-OpenSSH\r\n", "HTTP/1.1 2x0 OK\r\n", "HTTP/1.1 700 Odd\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            assertThrows(ResponseParser.BadResponse.class, () -> parse(new ResponseParser(), bad, 1000), bad);
        }
        String longLine = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(ResponseParser.MAX_LINE) + "\r\n\r\n";
        assertThrows(ResponseParser.BadResponse.class, () -> parse(new ResponseParser(), longLine, 100));
    }
}
