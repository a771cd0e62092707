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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
    /** Settings of a server; {@link #start} binds it. */
    public static final class Builder {
        private int port;
        private int threads = 4;
        private int status = 200;
        private byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
        private long workNs;
        private long stallEveryNs;
        private long stallNs;

        private Builder() {}

        /** The port, 0 (the default) for any free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port(" + port + "): must be in 0..65535; 0 picks a free port");
            }
            this.port = port;
            return this;
        }

        /** Handler threads, 1 to 256; default 4. */
        public Builder threads(int n) {
            if (n < 1 || n > 256) {
                throw new IllegalArgumentException("threads(" + n + "): must be in 1..256");
            }
            this.threads = n;
            return this;
        }

        /** The status of every response, 200..599 but not 204 or 304 (they carry no body); default 200. */
        public Builder status(int status) {
            if (status < 200 || status > 599 || status == 204 || status == 304) {
                throw new IllegalArgumentException("status(" + status + "): must be in 200..599 and not 204 or 304, "
                        + "so that the response has a body");
            }
            this.status = status;
            return this;
        }

        /** The body of every response (UTF-8); default {@code "hello\n"}. */
        public Builder body(String text) {
            if (text == null) {
                throw new IllegalArgumentException("body(null): give a string, \"\" for an empty body");
            }
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** CPU work per request: the handler spins this long before answering, [0, 1 s]; default 0. */
        public Builder work(Duration d) {
            if (d == null || d.isNegative() || d.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("work(" + d + "): must be in [0, 1 s]; e.g. Duration.ofMicros(50)");
            }
            this.workNs = d.toNanos();
            return this;
        }

        /**
         * Pauses all responses for {@code length} out of every {@code every}, counted from the server's start:
         * a response due inside a pause is held until the pause ends. {@code length} must be shorter than
         * {@code every}, both positive, {@code every} at most 60 s.
         */
        public Builder stall(Duration every, Duration length) {
            if (every == null || length == null || every.isNegative() || every.isZero() || length.isNegative()
                    || length.isZero() || length.compareTo(every) >= 0 || every.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("stall(every=" + every + ", length=" + length + "): both must be "
                        + "positive, length < every <= 60 s; e.g. stall(Duration.ofSeconds(1), Duration.ofMillis(200))");
            }
            this.stallEveryNs = every.toNanos();
            this.stallNs = length.toNanos();
            return this;
        }

        /** Binds {@code 127.0.0.1:port} and starts serving. */
        public LoopbackServer start() {
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            try {
                return new LoopbackServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("LoopbackServer on 127.0.0.1:" + port + ": " + e.getMessage()
                        + (port != 0 ? "; the port may be in use: use port(0) for a free one" : ""), e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Builder config;
    private final long started;
    private final AtomicLong requests = new AtomicLong();

    private LoopbackServer(Builder b) throws IOException {
        this.config = b;
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "benchbook loopback server");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), b.port), 1024);
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
        if (config.workNs > 0) {
            long end = System.nanoTime() + config.workNs;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
        if (config.stallEveryNs > 0) {
            long into = (System.nanoTime() - started) % config.stallEveryNs;
            if (into < config.stallNs) {
                long until = System.nanoTime() + config.stallNs - into;
                long left;
                while ((left = until - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IOException("the server is closing");
                    }
                }
            }
        }
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(config.status, config.body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(config.body);
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
