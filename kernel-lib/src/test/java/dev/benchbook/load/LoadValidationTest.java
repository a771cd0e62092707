package dev.benchbook.load;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadValidationTest {
    private static final URI LOCAL = URI.create("http://127.0.0.1:9/x");

    @Test
    void refusesTargetsOffThisMachine() {
        for (String uri : List.of("http://10.0.0.1:8080/", "http://192.168.1.2/", "http://8.8.8.8/",
                "http://[2001:db8::1]:80/", "http://example.com/", "http://127.0.0.1.example.com/", "http://999.0.0.1/",
                "http://0.0.0.0:8080/")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Load.http(URI.create(uri)), uri);
            assertTrue(e.getMessage().startsWith("Load.http(uri=" + uri + "): "), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1"), "the fix names a loopback target: " + e.getMessage());
        }
    }

    @Test
    void refusesOtherSchemesAndUserInfo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Load.http(URI.create("https://127.0.0.1/")))
                .getMessage().contains("only plain http"));
        assertThrows(IllegalArgumentException.class, () -> Load.http(URI.create("http://u:p@127.0.0.1/")));
        assertThrows(IllegalArgumentException.class, () -> Load.http(null));
    }

    @Test
    void acceptsLoopbackLiteralsAndLocalhost() {
        for (String uri : List.of("http://127.0.0.1:8080/hello", "http://127.1.2.3/", "http://[::1]:8080/",
                "http://localhost:8080/")) {
            assertDoesNotThrow(() -> Load.http(URI.create(uri)), uri);
        }
        LoadPlan p = Load.http(URI.create("http://127.0.0.1:8080/a/b?c=d")).rate(10).header("Accept", "*/*").plan();
        assertEquals("GET /a/b?c=d HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: benchbook-load\r\nAccept: */*\r\n\r\n",
                new String(p.request(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(8080, p.address().getPort());
    }

    @Test
    void reportsEveryBadSettingAtOnceWithItsRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL)
                .rate(2_000_000).duration(Duration.ofMinutes(11)).connections(0).maxInFlight(0)
                .timeout(Duration.ZERO).dropAfter(Duration.ofMinutes(2)).run());
        String m = e.getMessage();
        for (String part : List.of("rate(2000000.0): must be in (0, 1000000]", "warmup + duration = 661 s: the rule is at most 10 min",
                "connections(0): must be in 1..1024", "maxInFlight(0)", "timeout(PT0S): must be in (0, 60 s]",
                "dropAfter(PT2M)")) {
            assertTrue(m.contains(part), "missing \"" + part + "\" in:\n" + m);
        }
    }

    @Test
    void anOpenLoadNeedsARateAndAClosedLoopNoRamp() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).run()).getMessage()
                .contains("rate: not set; call rate(perSecond)"));
        assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).rate(0).run());
        assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).ramp(10, 20, Duration.ofSeconds(1)).closedLoop().run());
        assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).rate(10).sweep());
        assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).sweep(100, 200, 0));
        assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).duration(Duration.ofMinutes(5))
                .sweep(1, 2, 3, 4, 5, 6, 7));
        assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).header("Bad Name", "x"));
        assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).header("X", "a\r\nInjected: 1"));
        assertThrows(IllegalArgumentException.class, () -> Load.http(LOCAL).server(0));
    }
}
