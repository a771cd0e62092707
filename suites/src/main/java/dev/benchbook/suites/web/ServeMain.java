package dev.benchbook.suites.web;

import dev.benchbook.load.LoopbackServer;
import java.io.IOException;
import java.time.Duration;

/**
 * Serves one loopback server for scripts ({@code scripts/bench-load.sh}):
 * {@code ServeMain loopback|jetty [--threads N] [--work-us N] [--seconds N]}. Prints {@code port=N pid=P}
 * on one line, then serves until its standard input closes or {@code --seconds} (default 600, at most 3600)
 * pass. Exit codes: 0 done, 2 bad arguments.
 */
public final class ServeMain {
    private ServeMain() {}

    /** Runs the server named in {@code args[0]}; see the class doc. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("loopback") || args[0].equals("jetty"))) {
            usage("the first argument must be loopback or jetty");
        }
        int threads = -1;
        long workUs = 0;
        long seconds = 600;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--work-us" -> workUs = Long.parseLong(args[i + 1]);
                case "--seconds" -> seconds = Math.min(3600, Long.parseLong(args[i + 1]));
                default -> usage("unknown option " + args[i]);
            }
        }
        Duration work = Duration.ofNanos(workUs * 1000);
        AutoCloseable server;
        int port;
        if (args[0].equals("jetty")) {
            JettyServer.Builder b = JettyServer.builder().work(work);
            if (threads > 0) {
                b.threads(threads);
            }
            JettyServer s = b.start();
            server = s;
            port = s.port();
        } else {
            LoopbackServer.Builder b = LoopbackServer.builder().work(work);
            if (threads > 0) {
                b.threads(threads);
            }
            LoopbackServer s = b.start();
            server = s;
            port = s.port();
        }
        try (server) {
            System.out.println("port=" + port + " pid=" + ProcessHandle.current().pid());
            System.out.flush();
            Thread stdin = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // serve until the script closes our input
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

    private static void usage(String problem) {
        System.err.println("serve: " + problem
                + "\nusage: ServeMain loopback|jetty [--threads N] [--work-us N] [--seconds N]");
        System.exit(2);
    }
}
