package dev.benchbook.suites.web;

import dev.benchbook.load.LoopbackServer;
import dev.benchbook.load.ServerSettings;
import java.io.IOException;
import java.time.Duration;

/**
 * Serves one loopback server in its own JVM, for {@link WebSuite} and {@code scripts/bench-load.sh}:
 * <pre>
 * ServeMain jdk|loopback|jetty [--threads N] [--work-us N] [--body-bytes N] [--status N]
 *           [--stall-every-ms N --stall-ms N] [--seconds N]
 * </pre>
 * {@code jdk} and {@code loopback} are the JDK's {@code HttpServer} ({@link LoopbackServer}), {@code jetty}
 * is {@link JettyServer}; every option is that builder's knob, and {@code --body-bytes} answers with a body
 * of that many bytes ({@link WebSuite#body(int)}) instead of {@code hello}. Prints {@code port=N pid=P} on
 * one line once it serves, then serves until its standard input closes or {@code --seconds} (default 600, at
 * most 3600) pass. Exit codes: 0 done, 2 bad arguments (with the option, the value and the rule on stderr).
 */
public final class ServeMain {
    private ServeMain() {}

    /** Runs the server named in {@code args[0]}; see the class doc. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("jdk") || args[0].equals("loopback") || args[0].equals("jetty"))) {
            usage("the first argument must be jdk (or loopback) or jetty, not "
                    + (args.length == 0 ? "nothing" : "'" + args[0] + "'"));
        }
        boolean jetty = args[0].equals("jetty");
        ServerSettings<?> b = jetty ? JettyServer.builder() : LoopbackServer.builder();
        long seconds = 600;
        long stallEveryMs = 0;
        long stallMs = 0;
        try {
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    usage(args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--threads" -> b.threads(number(args[i], v));
                    case "--work-us" -> b.work(Duration.ofNanos(1000L * number(args[i], v)));
                    case "--body-bytes" -> b.body(WebSuite.body(number(args[i], v)));
                    case "--status" -> b.status(number(args[i], v));
                    case "--stall-every-ms" -> stallEveryMs = number(args[i], v);
                    case "--stall-ms" -> stallMs = number(args[i], v);
                    case "--seconds" -> seconds = Math.min(3600, number(args[i], v));
                    default -> usage("unknown option " + args[i]);
                }
            }
            if (stallEveryMs > 0 || stallMs > 0) {
                b.stall(Duration.ofMillis(stallEveryMs), Duration.ofMillis(stallMs));
            }
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        AutoCloseable server;
        int port;
        if (jetty) {
            JettyServer s = ((JettyServer.Builder) b).start();
            server = s;
            port = s.port();
        } else {
            LoopbackServer s = ((LoopbackServer.Builder) b).start();
            server = s;
            port = s.port();
        }
        try (server) {
            System.out.println("port=" + port + " pid=" + ProcessHandle.current().pid());
            System.out.flush();
            Thread stdin = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // serve until the parent closes our input
                    }
                } catch (IOException e) {
                    // input gone: stop as on end of input
                }
            });
            stdin.setDaemon(true);
            stdin.start();
            stdin.join(seconds * 1000);
        }
        System.exit(0);
    }

    private static int number(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            usage(option + " " + value + ": must be a whole number >= 0");
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("serve: " + problem + "\nusage: ServeMain jdk|loopback|jetty [--threads N] [--work-us N] "
                + "[--body-bytes N] [--status N] [--stall-every-ms N --stall-ms N] [--seconds N]");
        System.exit(2);
    }
}
