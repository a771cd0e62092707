package dev.benchbook.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Checks an installed kernel without Jupyter: evaluates and renders a few cells and opens a
 * loopback connection. The installer runs it to fail early, and to record which classes start-up
 * loads (a class-data-sharing archive that makes later starts faster).
 */
final class SelfTest {
    private SelfTest() {
    }

    /** Runs the checks; returns whether all passed, having reported to {@code log}. */
    static boolean run(PrintStream log) {
        long start = System.nanoTime();
        try {
            BenchbookKernel kernel = BenchbookKernel.of(JShellEvaluator.create());
            DisplayData table = kernel.eval("Table.create(\"t\", IntColumn.create(\"a\", 1, 2))");
            require(String.valueOf(table.getData(MIMEType.TEXT_HTML)).contains("<table"), "a Table renders as HTML");
            require("dev.benchbook.Bench".equals(kernel.evalRaw("Bench.class.getName()")), "Bench is pre-imported");
            requireFailure(kernel, "int broken = missing;", CellException.CompilationError.class);
            requireFailure(kernel, "throw new IllegalStateException();", CellException.EvaluationError.class);
            JupyterConnection connection = new JupyterConnection(loopbackProperties());
            kernel.becomeHandlerForConnection(connection);
            connection.connect();
            connection.close();
            kernel.onShutdown(false);
            log.printf("benchbook kernel self-test passed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (Exception | AssertionError e) {
            log.println("benchbook kernel self-test failed: " + e);
            e.printStackTrace(log);
            return false;
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("expected: " + what);
        }
    }

    private static void requireFailure(BenchbookKernel kernel, String cell, Class<? extends CellException> expected) {
        try {
            kernel.eval(cell);
        } catch (CellException e) {
            require(expected.isInstance(e), cell + " fails with " + expected.getSimpleName() + ", not " + e);
            return;
        }
        throw new AssertionError("expected " + cell + " to fail");
    }

    private static KernelConnectionProperties loopbackProperties() throws IOException {
        List<Integer> ports = new ArrayList<>();
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports.add(s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
        return new KernelConnectionProperties("127.0.0.1", ports.get(0), ports.get(1), ports.get(2),
                ports.get(3), ports.get(4), "tcp", "hmac-sha256", UUID.randomUUID().toString());
    }
}
