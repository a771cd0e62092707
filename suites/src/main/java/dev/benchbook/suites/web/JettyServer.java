package dev.benchbook.suites.web;

import dev.benchbook.load.ServerSettings;
import java.net.URI;
import java.nio.ByteBuffer;
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
    /**
     * Settings of a server ({@link ServerSettings}; the threads are the most of Jetty's pool, 8 to 256, default 16);
     * {@link #start} binds it.
     */
    public static final class Builder extends ServerSettings<Builder> {
        private Builder() {
            super(16, 8, "Jetty's acceptor and selectors take threads of the same pool");
        }

        /** Binds {@code 127.0.0.1:port} and starts serving. */
        public JettyServer start() {
            try {
                return new JettyServer(this);
            } catch (Exception e) {
                throw new IllegalStateException("JettyServer on 127.0.0.1:" + port() + ": " + e.getMessage()
                        + (port() != 0 ? "; the port may be in use: use port(0) for a free one" : ""), e);
            }
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final Builder config;
    private final byte[] body;
    private final long started;
    private final AtomicLong requests = new AtomicLong();

    private JettyServer(Builder b) throws Exception {
        this.config = b;
        this.body = b.body();
        QueuedThreadPool pool = new QueuedThreadPool(b.threads(), Math.min(8, b.threads()));
        pool.setName("benchbook-jetty");
        pool.setDaemon(true);
        this.server = new Server(pool);
        this.connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(b.port());
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
        config.spinWork();
        long holdNs = config.holdNanos(started);
        Runnable answer = () -> {
            response.setStatus(config.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
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
