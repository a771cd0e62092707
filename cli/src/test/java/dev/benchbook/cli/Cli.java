package dev.benchbook.cli;

import dev.benchbook.cli.HistoryAccess.Opener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in this JVM with captured stdout and stderr and a controlled environment. */
final class Cli {
    private final Map<String, String> env = new HashMap<>();
    private Opener history = HistoryAccess.DEFAULT;

    /** A fresh SQLite history store of its own, so that no test writes into the project's store. */
    Cli() {
        try {
            Path dir = Files.createTempDirectory("benchbook-cli-history");
            dir.toFile().deleteOnExit();
            env.put(HistoryAccess.ENV, dir.resolve("history.db").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store's location that commands see in {@code $BENCHBOOK_HISTORY}. */
    String historyLocation() {
        return env.get(HistoryAccess.ENV);
    }

    /** How one command ended. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Cli history(Opener opener) {
        this.history = opener;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new Main(env::get, history));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
