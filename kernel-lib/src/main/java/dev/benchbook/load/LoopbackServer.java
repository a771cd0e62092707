package dev.benchbook.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server to aim loads at, on the JDK's {@code com.sun.net.httpserver.HttpServer}, bound to
 * {@code 127.0.0.1} only. Every path answers with the same status and body, after an optional busy-spin of
 * {@link Builder#work} per request, and all responses pause during injected {@link Builder#stall stalls}:
 * <pre>{@code
 * try (var s = LoopbackServer.builder().stall(Duration.ofSeconds(1), Duration.ofMillis(200)).start()) {
 *     Load.http(s.uri("/hello")).rate(1000).run();
 * }
 * }</pre>
 * The JDK server's dispatcher turns Nagle's algorithm off only when {@code sun.net.httpserver.nodelay} is
 * true, read once per JVM; {@link Builder#start} sets it to true unless it is already set, as responses
 * would otherwise wait for delayed ACKs.
 */
public final class LoopbackServer implements AutoCloseable {
    /** Settings of a server ({@link ServerSettings}: 1 to 256 handler threads, default 4); {@link #start} binds it. */
    public static final class Builder extends ServerSettings<Builder> {
        private Builder() {
            super(4, 1, "");
        }

        /** Binds {@code 127.0.0.1:port} and starts serving. */
        public LoopbackServer start() {
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            try {
                return new LoopbackServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("LoopbackServer on 127.0.0.1:" + port() + ": " + e.getMessage()
                        + (port() != 0 ? "; the port may be in use: use port(0) for a free one" : ""), e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Builder config;
    private final byte[] body;
    private final long started;
    private final AtomicLong requests = new AtomicLong();

    private LoopbackServer(Builder b) throws IOException {
        this.config = b;
        this.body = b.body();
        this.executor = Executors.newFixedThreadPool(b.threads(), r -> {
            Thread t = new Thread(r, "benchbook loopback server");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), b.port()), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        this.started = System.nanoTime();
        server.start();
    }

    /** A server with the defaults: any free port, 4 threads, status 200, body {@code "hello\n"}, no work, no stall. */
    public static LoopbackServer start() {
        return builder().start();
    }

    /** The settings of a new server. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path} (which should start with {@code /}). */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + (path.startsWith("/") ? path : "/" + path));
    }

    /** Requests answered so far. */
    public long requests() {
        return requests.get();
    }

    /** The process that serves: this JVM. */
    public ProcessHandle process() {
        return ProcessHandle.current();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        config.spinWork();
        if (!config.holdThroughStall(started)) {
            throw new IOException("the server is closing");
        }
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(config.status(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
        requests.incrementAndGet();
    }

    /** Stops serving (within 1 s for exchanges under way) and ends the handler threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
