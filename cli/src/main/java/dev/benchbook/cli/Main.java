package dev.benchbook.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code benchbook} command. {@code java -cp 'lib/*' dev.benchbook.cli.Main run --suite sorting} runs a
 * compiled suite; {@code benchbook --help} lists the commands, {@code benchbook COMMAND --help} their options and
 * the {@link ExitCodes}.
 */
@Command(name = "benchbook", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs compiled Benchbook suites, compares runs with baselines and gates CI on regressions.",
        subcommands = {RunCommand.class, CheckCommand.class, AbCommand.class, CompareCommand.class,
                BaselineCommand.class, HistoryCommand.class, ImportJmhCommand.class, ReportCommand.class,
                NotebookCommand.class, LanguagesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Success: everything ran, no regression at or above --fail-on.",
            "1:check: a regression at or above --fail-on.",
            "2:Usage or configuration error: a bad flag or value, a missing file or baseline (the message says the fix).",
            "3:Not comparable: a hard fingerprint key differs (CPU, JDK, GC, ...); --allow-incomparable compares anyway.",
            "4:A benchmark failed: it threw, its fork failed, it timed out or exceeded its memory limit."})
public final class Main implements Callable<Integer> {
    private final Function<String, String> env;
    private final HistoryAccess.Opener history;

    @Spec
    CommandSpec spec;

    /** The command as installed: the process environment, the history store when the build has one. */
    public Main() {
        this(System::getenv, HistoryAccess.DEFAULT);
    }

    /**
     * A command that reads environment variables ({@code GITHUB_STEP_SUMMARY}, {@code BENCHBOOK_HISTORY}) from
     * {@code env} and opens the history store with {@code history}: what tests use.
     */
    public Main(Function<String, String> env, HistoryAccess.Opener history) {
        this.env = env;
        this.history = history;
    }

    /** A test's environment: {@code vars} only. */
    public static Main withEnv(Map<String, String> vars) {
        return new Main(vars::get, HistoryAccess.DEFAULT);
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine(new Main()).execute(args));
    }

    /**
     * {@code main}'s command line for {@code main}: case-insensitive choices, and parse errors that name the flag,
     * say how to get help and exit with {@value ExitCodes#USAGE}.
     */
    public static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(Duration.class, new DurationConverter());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine bad = ex.getCommandLine();
            PrintWriter err = bad.getErr();
            err.println(bad.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                java.util.List<String> suggestions = u.getSuggestions();
                if (!suggestions.isEmpty()) {
                    err.println("did you mean: " + String.join(", ", suggestions) + "?");
                }
            }
            err.println("see '" + bad.getCommandSpec().qualifiedName() + " --help' for the options");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("benchbook: name a command, e.g. `benchbook run --suite sorting`");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCodes.USAGE;
    }

    /** An environment variable, or null. */
    String env(String name) {
        return env.apply(name);
    }

    HistoryAccess.Opener history() {
        return history;
    }

    /** The version line: the library's implementation version where the jar has one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"benchbook " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
