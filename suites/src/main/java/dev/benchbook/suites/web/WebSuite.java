package dev.benchbook.suites.web;

import dev.benchbook.Bench;
import dev.benchbook.load.Load;
import dev.benchbook.load.LoopbackServer;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP servers under an open-model load on loopback: each benchmark starts a server in a JVM of its own
 * ({@link ServeMain}), so that the server's CPU and resident set are its own and its heap and collections
 * are not the generator's, and every iteration is one {@link Load} window of {@value #WINDOW_MS} ms at the
 * {@code rate} param over {@value #CONNECTIONS} keep-alive connections (see {@code dev.benchbook.load.LoadRunner}
 * for what an iteration records). The time per operation is the mean latency from each request's scheduled
 * time; {@code p50_ns} to {@code p999_ns}, {@code achieved_rps}, {@code errors}, {@code dropped} and the
 * server's {@code server_cpu_pct} and {@code server_rss_bytes} are beside it, each with its direction, so
 * that {@code benchbook check} gates on them.
 *
 * <p>Benchmarks: {@code hello} (a 6-byte body), {@code body-16k} (a 16 KiB body) and {@code cpu-50us} (50 µs
 * of CPU per request before answering). Params: {@code server} ({@code jdk}: the JDK's {@code HttpServer}
 * with 4 handler threads; {@code jetty}: Jetty 12 with its default pool of 16) and {@code rate} (requests
 * per second). The server JVM gets {@code -Xmx256m}; the suite's warmup iterations warm its JIT.
 */
public final class WebSuite implements SuiteFactory {
    /** The window of one iteration, in milliseconds. */
    public static final int WINDOW_MS = 1000;
    /** The connections of every load. */
    public static final int CONNECTIONS = 8;
    /** The servers of the {@code server} param. */
    public static final List<String> SERVERS = List.of("jdk", "jetty");
    /** The benchmarks, each with its server options ({@link ServeMain}'s). */
    static final Map<String, List<String>> BENCHMARKS = Map.of(
            "hello", List.of(),
            "body-16k", List.of("--body-bytes", "16384"),
            "cpu-50us", List.of("--work-us", "50"));
    /** How long a server JVM may take to start serving. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public SuiteSpec create() {
        var s = Bench.suite("web")
                .description("HTTP servers under open-model load on loopback: the JDK's HttpServer and Jetty 12, "
                        + "each in its own JVM; latency from the scheduled send, percentiles, rates, errors, server "
                        + "CPU and RSS")
                .param("server", "jdk", "jetty")
                .param("rate", 1_000, 4_000)
                .setup(WebSuite::start)
                .teardown((ctx, server) -> server.close());
        for (String name : List.of("hello", "body-16k", "cpu-50us")) {
            s.load(name, WebSuite::load);
        }
        return s.warmup(1).iterations(3).timeout(Duration.ofMinutes(2)).build();
    }

    static Load load(BenchContext ctx, Server server) {
        return Load.http(server.uri("/" + ctx.benchmark())).rate(ctx.intParam("rate")).warmup(Duration.ZERO)
                .duration(Duration.ofMillis(WINDOW_MS)).connections(CONNECTIONS).server(server.pid());
    }

    static Server start(BenchContext ctx) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(List.of("-Xmx256m", "-cp", classpath(), ServeMain.class.getName(),
                ctx.stringParam("server")));
        argv.addAll(BENCHMARKS.get(ctx.benchmark()));
        return Server.start(argv);
    }

    /**
     * The classpath of a server JVM: this JVM's, and the code sources of the classes the server needs (in a
     * notebook, jars added at run time are not on {@code java.class.path}).
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> c : List.of(ServeMain.class, LoopbackServer.class, org.eclipse.jetty.server.Server.class,
                org.eclipse.jetty.http.HttpField.class, org.eclipse.jetty.io.EndPoint.class,
                org.eclipse.jetty.util.Callback.class, org.slf4j.LoggerFactory.class)) {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                try {
                    entries.add(Path.of(cs.getLocation().toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file location: the class path above must hold it
                }
            }
        }
        entries.remove("");
        return String.join(File.pathSeparator, entries);
    }

    /** A body of {@code bytes} bytes: lines of printable ASCII, the same on every run. */
    public static String body(int bytes) {
        StringBuilder b = new StringBuilder(bytes);
        for (int i = 0; b.length() < bytes; i++) {
            b.append((char) ('a' + i % 26));
            if (b.length() % 64 == 63 && b.length() < bytes) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** A server JVM: its process, port and the file its stderr goes to. */
    record Server(Process process, int port, Path stderr) implements AutoCloseable {
        /**
         * Starts {@code argv} and waits for its {@code port=N pid=P} line.
         *
         * @throws IOException if the JVM cannot start, exits, or does not serve within {@link #START_TIMEOUT},
         *     with its stderr
         */
        static Server start(List<String> argv) throws IOException, InterruptedException {
            Path err = Files.createTempFile("benchbook-web-server", ".err");
            Process p = new ProcessBuilder(argv).redirectError(err.toFile()).start();
            var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            String line;
            try {
                line = first.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                line = null;
            } catch (InterruptedException e) {
                p.destroyForcibly();
                throw e;
            }
            if (line == null || !line.matches("port=\\d+ pid=\\d+")) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                String why = Files.readString(err, StandardCharsets.UTF_8).strip();
                Files.deleteIfExists(err);
                throw new IOException("the server JVM did not start serving within " + START_TIMEOUT.toSeconds()
                        + " s (" + (p.isAlive() ? "still running" : "exit " + p.exitValue()) + ")"
                        + (why.isEmpty() ? "" : ": " + why.lines().limit(5).reduce((a, b) -> a + " | " + b).orElse(""))
                        + "; command: " + String.join(" ", argv.subList(0, Math.min(argv.size(), 4))) + " ...");
            }
            int port = Integer.parseInt(line.substring(5, line.indexOf(' ')));
            return new Server(p, port, err);
        }

        /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** The server JVM's process id. */
        long pid() {
            return process.pid();
        }

        /** Closes the server's input, which stops it, and waits for it; kills it after 10 s. */
        @Override
        public void close() throws IOException, InterruptedException {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } finally {
                Files.deleteIfExists(stderr);
            }
        }
    }
}
