package dev.benchbook.cli;

import dev.benchbook.Suite;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The run controls a command may change on the suite's own (everything not given keeps the suite's values).
 * Durations take ns, us, ms, s or m.
 */
final class RunOptions {
    @Option(names = "--forks", paramLabel = "N", description = "Fresh JVMs per benchmark and param combination "
            + "(0: this JVM). Default: the suite's.")
    Integer forks;

    @Option(names = "--warmup", paramLabel = "N", description = "Fixed warmup iterations (turns adaptive warmup "
            + "off). Default: the suite's.")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", description = "Fixed measured iterations. Default: the "
            + "suite's (adaptive unless it fixes them).")
    Integer iterations;

    @Option(names = "--iteration-time", paramLabel = "TIME", converter = DurationConverter.class, description = "Target time of one iteration, e.g. "
            + "20ms. Default: the suite's.")
    Duration iterationTime;

    @Option(names = "--max-time", paramLabel = "TIME", converter = DurationConverter.class, description = "Cap of an adaptive measuring phase, e.g. 2s. "
            + "Default: the suite's.")
    Duration maxTime;

    @Option(names = "--quiet", description = "No live progress on stderr.")
    boolean quiet;

    /** Applies the given options to {@code suite}; bad values are reported by the suite's own validation. */
    Suite<?> apply(Suite<?> suite) {
        if (forks != null) {
            check("--forks", forks, 0, "use 0 to run in this JVM");
            suite.forks(forks);
        }
        if (warmup != null) {
            check("--warmup", warmup, 0, "use 0 for no warmup");
            suite.warmup(warmup);
        }
        if (iterations != null) {
            check("--iterations", iterations, 1, "give at least one measured iteration");
            suite.iterations(iterations);
        }
        if (iterationTime != null) {
            suite.iterationTime(iterationTime);
        }
        if (maxTime != null) {
            suite.maxTime(maxTime);
        }
        if (quiet) {
            suite.quiet();
        }
        return suite;
    }

    private static void check(String flag, int value, int min, String fix) {
        if (value < min) {
            throw CliException.usage(flag + " " + value + ": must be >= " + min + "; " + fix);
        }
    }
}
