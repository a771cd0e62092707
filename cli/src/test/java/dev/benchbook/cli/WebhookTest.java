package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private final CountDownLatch never = new CountDownLatch(1);
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        never.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** A loopback server answering request n (from 1) with {@code status.applyAsInt(n)}; 0 never answers. */
    private URI serve(IntUnaryOperator status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook test server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/hook", (HttpExchange ex) -> {
            int n = requests.incrementAndGet();
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
            int code = status.applyAsInt(n);
            if (code == 0) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return;
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private static Webhook hook(URI url, Duration timeout, int retries) {
        return Webhook.of(url.toString(), timeout, retries, Duration.ofMillis(20));
    }

    @Test
    void aSuccessfulPostDeliversTheJsonOnce() throws IOException {
        URI url = serve(n -> 200);
        List<String> log = new ArrayList<>();
        Webhook.Outcome o = hook(url, Duration.ofSeconds(5), 3).post("{\"format\":\"x\"}", log::add);
        assertTrue(o.delivered(), o.toString());
        assertEquals(1, o.attempts());
        assertEquals(200, o.status());
        assertEquals(List.of("{\"format\":\"x\"}"), bodies);
        assertEquals(List.of("application/json"), contentTypes);
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void twoServerErrorsAreRetriedUntilTheThirdAttemptSucceeds() throws IOException {
        URI url = serve(n -> n <= 2 ? 500 : 200);
        List<String> log = new ArrayList<>();
        Webhook.Outcome o = hook(url, Duration.ofSeconds(5), 3).post("{}", log::add);
        assertTrue(o.delivered(), o.toString());
        assertEquals(3, o.attempts());
        assertEquals(3, requests.get());
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(0).contains("HTTP 500") && log.get(0).contains("retrying in 20 ms"), log.toString());
        assertTrue(log.get(1).contains("retrying in 40 ms"), "the backoff doubles: " + log);
    }

    @Test
    void retriesEndAtTheBudget() throws IOException {
        URI url = serve(n -> 503);
        Webhook.Outcome o = hook(url, Duration.ofSeconds(5), 2).post("{}", s -> {});
        assertFalse(o.delivered());
        assertEquals(3, o.attempts());
        assertEquals(3, requests.get());
        assertEquals("HTTP 503", o.problem());
    }

    @Test
    void aClientErrorIsNotRetried() throws IOException {
        URI url = serve(n -> 404);
        Webhook.Outcome o = hook(url, Duration.ofSeconds(5), 3).post("{}", s -> {});
        assertFalse(o.delivered());
        assertEquals(1, o.attempts());
        assertEquals(1, requests.get());
    }

    @Test
    void aServerThatNeverAnswersTimesOutPerAttempt() throws IOException {
        URI url = serve(n -> 0);
        long start = System.nanoTime();
        Webhook.Outcome o = hook(url, Duration.ofMillis(300), 1).post("{}", s -> {});
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertFalse(o.delivered());
        assertEquals(2, o.attempts());
        assertTrue(o.problem().contains("no answer within 300 ms"), o.problem());
        assertTrue(ms >= 600 && ms < 4_000, "two attempts of 300 ms each, then give up: " + ms + " ms");
    }

    @Test
    void anUnreachablePortFailsAfterTheRetries() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> log = new ArrayList<>();
        Webhook.Outcome o = Webhook.of("http://127.0.0.1:" + port + "/hook", Duration.ofSeconds(2), 2,
                Duration.ofMillis(10)).post("{}", log::add);
        assertFalse(o.delivered());
        assertEquals(3, o.attempts());
        assertTrue(o.problem().startsWith("cannot connect"), o.problem());
        assertEquals(2, log.size());
    }

    @Test
    void aFailingWebhookInCheckOnlyWarnsAndTheFilesAreWrittenFirst() throws IOException {
        Path json = tmp.resolve("check.json");
        List<Boolean> fileThereAtPost = new CopyOnWriteArrayList<>();
        URI url = serve(n -> {
            fileThereAtPost.add(Files.isRegularFile(json));
            return 500;
        });
        Path run = tmp.resolve("run.json");
        assertEquals(0, new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", run.toString(), "--quiet")
                .code());
        Cli.Result r = new Cli().run("check", "--against", run.toString(), "--run", run.toString(), "--json",
                json.toString(), "--webhook", url.toString(), "--webhook-retries", "1", "--webhook-backoff", "10ms");
        assertEquals(ExitCodes.OK, r.code(), "the exit code is the comparison's: " + r);
        assertEquals(List.of(true, true), fileThereAtPost);
        assertTrue(r.err().contains("warning: webhook to " + url + " failed after 2 attempts: HTTP 500"), r.toString());
        assertEquals(Files.readString(json).strip(), bodies.get(0).strip(), "the POST carries the comparison JSON");
    }

    @Test
    void aDeliveredWebhookIsReported() throws IOException {
        URI url = serve(n -> 204);
        Path run = tmp.resolve("run.json");
        assertEquals(0, new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", run.toString(), "--quiet")
                .code());
        Cli.Result r = new Cli().run("compare", run.toString(), run.toString(), "--webhook", url.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.err().contains("webhook delivered to " + url + " (HTTP 204, attempt 1)"), r.toString());
        assertTrue(bodies.get(0).contains("benchbook-regressions"));
    }

    @Test
    void badWebhookOptionsAreUsageErrors() {
        Cli.Result r = new Cli().run("compare", "a.json", "b.json", "--webhook", "http://127.0.0.1:1/x",
                "--webhook-retries", "-1");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--webhook-retries -1: must be >= 0"), r.toString());
        Cli.Result t = new Cli().run("compare", "a.json", "b.json", "--webhook", "http://127.0.0.1:1/x",
                "--webhook-timeout", "0s");
        assertEquals(ExitCodes.USAGE, t.code());
        assertTrue(t.err().contains("--webhook-timeout 0ms: must be > 0"), t.toString());
    }
}
