package dev.benchbook.suites.standard;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Simulated network I/O: request-response round trips over NIO, on a loopback TCP socket and on a pair
 * of {@code Pipe}s, against a server thread that holds every response for an injected delay before it
 * echoes the request. The delays follow a fixed schedule, so runs are reproducible: {@code fixed} waits
 * {@code delay_us} every time, {@code schedule} cycles through 0.5×, 1×, 1.5× and 1× of it (the same mean).
 * The server waits by parking and then spinning to the deadline, so a delay is never shorter than asked.
 * Params: {@code payload} bytes, {@code delay_us} and {@code latency}.
 */
public final class NetworkSuite implements SuiteFactory {
    private static final double[] SCHEDULE = {0.5, 1.0, 1.5, 1.0};

    /** A client's channels to a running server thread. */
    static final class Link implements AutoCloseable {
        final WritableByteChannel out;
        final ReadableByteChannel in;
        final ByteBuffer request;
        final ByteBuffer response;
        final Thread server;
        final AutoCloseable[] closeables;

        Link(WritableByteChannel out, ReadableByteChannel in, int payload, Thread server, AutoCloseable... closeables) {
            this.out = out;
            this.in = in;
            this.request = ByteBuffer.allocateDirect(payload);
            for (int i = 0; i < payload; i++) {
                request.put(i, (byte) (i * 31));
            }
            this.response = ByteBuffer.allocateDirect(payload);
            this.server = server;
            this.closeables = closeables;
        }

        long roundTrip() throws IOException {
            request.clear();
            while (request.hasRemaining()) {
                out.write(request);
            }
            response.clear();
            while (response.hasRemaining()) {
                if (in.read(response) < 0) {
                    throw new IOException("the server closed the connection");
                }
            }
            return response.getLong(0) ^ response.get(response.capacity() - 1);
        }

        @Override
        public void close() throws Exception {
            server.interrupt();
            for (AutoCloseable c : closeables) {
                c.close();
            }
            server.join(1000);
        }
    }

    @Override
    public SuiteSpec create() {
        return Bench.suite("network")
                .description("NIO request-response over loopback TCP and pipes with a deterministic injected delay")
                .param("payload", 64, 16_384)
                .param("delay_us", 0, 100, 1_000)
                .param("latency", "fixed", "schedule")
                .setup(ctx -> {
                    String latency = ctx.stringParam("latency");
                    if (!latency.equals("fixed") && !latency.equals("schedule")) {
                        throw new IllegalArgumentException("param latency=\"" + latency
                                + "\": must be fixed or schedule");
                    }
                    int payload = ctx.intParam("payload");
                    long delayNs = ctx.intParam("delay_us") * 1_000L;
                    boolean scheduled = latency.equals("schedule");
                    return new Link[] {open(payload, delayNs, scheduled, true), open(payload, delayNs, scheduled, false)};
                })
                .benchmarkLong("tcp.roundtrip", (ctx, links) -> links[0].roundTrip())
                .benchmarkLong("pipe.roundtrip", (ctx, links) -> links[1].roundTrip())
                .teardown((ctx, links) -> {
                    for (Link l : links) {
                        l.close();
                    }
                })
                .build();
    }

    static void serve(ReadableByteChannel in, WritableByteChannel out, int payload, long delayNs, boolean scheduled) {
        ByteBuffer buf = ByteBuffer.allocateDirect(payload);
        long n = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                buf.clear();
                while (buf.hasRemaining()) {
                    if (in.read(buf) < 0) {
                        return;
                    }
                }
                long delay = scheduled ? (long) (delayNs * SCHEDULE[(int) (n++ % SCHEDULE.length)]) : delayNs;
                if (delay > 0) {
                    long deadline = System.nanoTime() + delay;
                    long left;
                    while ((left = deadline - System.nanoTime()) > 60_000) {
                        LockSupport.parkNanos(left - 50_000);
                    }
                    while (System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
            }
        } catch (IOException e) {
            // The client closed: the server ends.
        }
    }

    static Link open(int payload, long delayNs, boolean scheduled, boolean tcp) throws IOException {
        if (tcp) {
            ServerSocketChannel ss = ServerSocketChannel.open();
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(ss.getLocalAddress());
            client.socket().setTcpNoDelay(true);
            SocketChannel accepted = ss.accept();
            accepted.socket().setTcpNoDelay(true);
            Thread t = server(() -> serve(accepted, accepted, payload, delayNs, scheduled));
            return new Link(client, client, payload, t, client, accepted, ss);
        }
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        Thread t = server(() -> serve(up.source(), down.sink(), payload, delayNs, scheduled));
        return new Link(up.sink(), down.source(), payload, t, up.sink(), up.source(), down.sink(), down.source());
    }

    private static Thread server(Runnable r) {
        Thread t = new Thread(r, "benchbook network server");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
