package dev.benchbook.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An external program a benchmark runs: one process per iteration, timed from start to exit. Run as
 * an argument vector, never through a shell unless {@code argv} names one.
 *
 * @param argv the program and its arguments, at least the program
 * @param directory the working directory, or null for the JVM's
 * @param stdin a file fed to the program's standard input, or null for none
 * @param environment variables added to the inherited environment
 */
public record Command(List<String> argv, Path directory, Path stdin, Map<String, String> environment) {
    public Command {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** {@code argv} in the JVM's working directory, without stdin or extra variables. */
    public static Command of(String... argv) {
        return new Command(List.of(argv), null, null, Map.of());
    }

    /** The argument vector as one line, for messages. */
    public String line() {
        return String.join(" ", argv);
    }
}
