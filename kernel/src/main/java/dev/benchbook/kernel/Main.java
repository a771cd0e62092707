package dev.benchbook.kernel;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.slf4j.LoggerFactory;

/**
 * Entry point that Jupyter starts: {@code java ... dev.benchbook.kernel.Main <connection-file>}.
 * The process is the notebook's JVM, and benchmarks run in it. With {@code --self-test} instead of
 * a connection file it checks itself without Jupyter and exits.
 */
public final class Main {
    private Main() {
    }

    /**
     * Connects to Jupyter and serves until a shutdown request closes the connection.
     *
     * @param args the path of the Jupyter connection file, or {@code --self-test}
     */
    public static void main(String[] args) throws Exception {
        // jjava swaps System.err for the cell's stream while a cell runs; logs keep the real one.
        PrintStream log = System.err;
        if (args.length != 1) {
            log.println("usage: java dev.benchbook.kernel.Main <connection-file> | --self-test");
            System.exit(2);
        }
        if (args[0].equals("--self-test")) {
            System.exit(SelfTest.run(log) ? 0 : 1);
        }
        LoggerFactory.getLogger(Main.class);
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());

        CompletableFuture<JShellEvaluator> evaluator = new CompletableFuture<>();
        Thread init = new Thread(() -> {
            try {
                evaluator.complete(JShellEvaluator.create());
                log.printf("benchbook kernel ready in %d ms (JShell started)%n", millisSince(jvmStart));
            } catch (Throwable t) {
                evaluator.completeExceptionally(t);
                t.printStackTrace(log);
            }
        }, "benchbook-jshell-init");
        init.setDaemon(true);
        init.start();

        String connectionJson = Files.readString(Path.of(args[0]));
        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(connectionJson));
        BenchbookKernel kernel = BenchbookKernel.of(evaluator);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.onStartup();
        log.printf("benchbook kernel connected in %d ms%n", millisSince(jvmStart));

        connection.waitUntilClose();
        // Threads that cells started must not keep a shut-down kernel alive.
        System.exit(0);
    }

    private static long millisSince(Instant start) {
        return Instant.now().toEpochMilli() - start.toEpochMilli();
    }
}
