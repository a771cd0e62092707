package dev.benchbook.suites.web;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty 12 HTTP/1.1 server to aim loads at, bound to {@code 127.0.0.1} only, with the knobs of {@link
 * dev.benchbook.load.LoopbackServer}: every path answers with the same status and body, after an optional
 * busy-spin of {@link Builder#work} per request, and responses pause during injected {@link Builder#stall
 * stalls}. A stalled response is finished by Jetty's scheduler when the pause ends, so a stall holds no thread.
 * <pre>{@code
 * try (var s = JettyServer.builder().start()) {
 *     Load.http(s.uri("/hello")).rate(1000).run();
 * }
 * }</pre>
 */
public final class JettyServer implements AutoCloseable {
    /** Settings of a server; {@link #start} binds it. */
    public static final class Builder {
        private int port;
        private int threads = 16;
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

        /** The most threads of Jetty's pool, 8 to 256 (Jetty needs some for its selectors); default 16. */
        public Builder threads(int n) {
            if (n < 8 || n > 256) {
                throw new IllegalArgumentException("threads(" + n + "): must be in 8..256; Jetty's acceptor and "
                        + "selectors take threads of the same pool");
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
         * a response due inside a pause is sent when the pause ends. {@code length} must be shorter than
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
        public JettyServer start() {
            try {
                return new JettyServer(this);
            } catch (Exception e) {
                throw new IllegalStateException("JettyServer on 127.0.0.1:" + port + ": " + e.getMessage()
                        + (port != 0 ? "; the port may be in use: use port(0) for a free one" : ""), e);
            }
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final Builder config;
    private final long started;
    private final AtomicLong requests = new AtomicLong();

    private JettyServer(Builder b) throws Exception {
        this.config = b;
        QueuedThreadPool pool = new QueuedThreadPool(b.threads, Math.min(8, b.threads));
        pool.setName("benchbook-jetty");
        pool.setDaemon(true);
        this.server = new Server(pool);
        this.connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(b.port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(response, callback);
                return true;
            }
        });
        server.setStopTimeout(1000);
        this.started = System.nanoTime();
        server.start();
    }

    /** A server with the defaults: any free port, 16 threads, status 200, body {@code "hello\n"}, no work, no stall. */
    public static JettyServer start() {
        return builder().start();
    }

    /** The settings of a new server. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bound port. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
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

    private void serve(Response response, Callback callback) {
        if (config.workNs > 0) {
            long end = System.nanoTime() + config.workNs;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
        long holdNs = 0;
        if (config.stallEveryNs > 0) {
            long into = (System.nanoTime() - started) % config.stallEveryNs;
            if (into < config.stallNs) {
                holdNs = config.stallNs - into;
            }
        }
        Runnable answer = () -> {
            response.setStatus(config.status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, config.body.length);
            response.write(true, ByteBuffer.wrap(config.body), callback);
            requests.incrementAndGet();
        };
        if (holdNs > 0) {
            server.getScheduler().schedule(answer, holdNs, TimeUnit.NANOSECONDS);
        } else {
            answer.run();
        }
    }

    /** Stops serving (within 1 s for exchanges under way). */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("JettyServer on port " + port() + " did not stop: " + e.getMessage(), e);
        }
    }
}
