package dev.benchbook.suites.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.load.ErrorKind;
import dev.benchbook.load.Load;
import dev.benchbook.load.LoadResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JettyServerTest {
    @Test
    void servesAnOpenModelLoadWithoutErrors() {
        try (JettyServer s = JettyServer.start()) {
            LoadResult r = Load.http(s.uri("/hello")).rate(500).duration(Duration.ofSeconds(1))
                    .warmup(Duration.ofMillis(500)).connections(4).run();
            assertEquals(500, r.requests(), 1);
            assertEquals(r.requests(), r.ok(), r.errors().print());
            assertEquals(500, r.achievedRps(), 25);
            assertTrue(s.requests() >= 740, "Jetty answered " + s.requests());
        }
    }

    @Test
    void itsStallShowsInTheOpenModelAndItsStatusIsCounted() {
        try (JettyServer s = JettyServer.builder().status(503).stall(Duration.ofMillis(500), Duration.ofMillis(150))
                .start()) {
            LoadResult r = Load.http(s.uri("/")).rate(400).duration(Duration.ofSeconds(1)).warmup(Duration.ZERO)
                    .connections(2).run();
            assertEquals(r.requests(), r.errorCount(ErrorKind.STATUS_5XX), r.errors().print());
        }
        try (JettyServer s = JettyServer.builder().stall(Duration.ofMillis(500), Duration.ofMillis(150)).start()) {
            LoadResult r = Load.http(s.uri("/")).rate(400).duration(Duration.ofSeconds(2)).warmup(Duration.ZERO)
                    .connections(2).run();
            assertTrue(r.percentileNs(99) >= 75e6, "p99 " + r.percentileNs(99) / 1e6 + " ms shows the 150 ms stalls");
        }
    }
}
