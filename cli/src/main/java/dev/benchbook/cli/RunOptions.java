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

    @Option(names = "--param", paramLabel = "NAME=V1,V2", description = "Replaces the values of a param the suite "
            + "declares, e.g. --param size=1000; repeatable. Values take the type of the declared ones. A suite "
            + "that lacks the param keeps its own values (so one option fits a whole group).")
    java.util.List<String> params = new java.util.ArrayList<>();

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
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw CliException.usage("--param " + p + ": must be NAME=VALUE[,VALUE...]; e.g. --param size=1000");
            }
            String name = p.substring(0, eq).strip();
            dev.benchbook.spec.ParamSpec declared = suite.params().stream().filter(x -> name.equals(x.name()))
                    .findFirst().orElse(null);
            if (declared == null) {
                continue;
            }
            java.util.List<Object> values = new java.util.ArrayList<>();
            for (String v : p.substring(eq + 1).split(",")) {
                values.add(typed(p, v.strip(), declared.values().get(0)));
            }
            suite.paramValues(name, values.toArray());
        }
        return suite;
    }

    /** {@code text} as the type of {@code like}, a declared value. */
    private static Object typed(String option, String text, Object like) {
        try {
            if (like instanceof Integer) {
                return Integer.parseInt(text.replace("_", ""));
            } else if (like instanceof Long) {
                return Long.parseLong(text.replace("_", ""));
            } else if (like instanceof Double) {
                return Double.parseDouble(text);
            } else if (like instanceof Boolean) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new NumberFormatException();
                }
                return Boolean.parseBoolean(text);
            }
            return text;
        } catch (NumberFormatException e) {
            String type = like instanceof Integer ? "an integer" : like instanceof Long ? "a long integer"
                    : like instanceof Double ? "a number" : "true or false";
            throw CliException.usage("--param " + option + ": value \"" + text + "\" is not " + type
                    + " (the suite declares values like " + like + "); give values of that type, e.g. " + name(option)
                    + "=" + like);
        }
    }

    private static void check(String flag, int value, int min, String fix) {
        if (value < min) {
            throw CliException.usage(flag + " " + value + ": must be >= " + min + "; " + fix);
        }
    }

    /** The param's name in {@code NAME=V1,V2}. */
    private static String name(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? option : option.substring(0, eq);
    }
}
