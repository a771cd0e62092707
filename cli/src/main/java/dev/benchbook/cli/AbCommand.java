package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.RegressionReport;
import dev.benchbook.Suite;
import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.RoundsPlan;
import dev.benchbook.regress.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code benchbook ab}: randomized interleaved A/B rounds, two builds of a suite or two of its benchmarks. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Runs A and B in randomized interleaved rounds, one A fork and one B fork per round in random "
                + "order, and decides on the paired per-round log-ratios, adding rounds while the verdict is "
                + "inconclusive.",
            "Two builds of one suite: --a-classpath CP_A --b-classpath CP_B (every benchmark both have).",
            "Two benchmarks of one suite: --a BENCH_A --b BENCH_B."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Compared (and, with --fail-on, no regression at or above it).",
            "1:With --fail-on: B regressed at or above it.",
            "2:Usage or configuration error.",
            "4:A benchmark failed."})
final class AbCommand extends BaseCommand {
    @Option(names = "--suite", required = true, paramLabel = "SUITE", description = "The suite: a SuiteFactory "
            + "class, a suite name from META-INF/services, or a bundled suite (sorting).")
    String suite;

    @Option(names = "--a", paramLabel = "BENCH_A", description = "The baseline benchmark.")
    String a;

    @Option(names = "--b", paramLabel = "BENCH_B", description = "The candidate benchmark.")
    String b;

    @Option(names = "--a-classpath", paramLabel = "CP_A", description = "Jars and folders of build A (the baseline).")
    String aClasspath;

    @Option(names = "--b-classpath", paramLabel = "CP_B", description = "Jars and folders of build B (the candidate).")
    String bClasspath;

    @Option(names = {"--classpath", "--cp"}, paramLabel = "CP", description = "With --a/--b: jars and folders that "
            + "hold the suite.")
    String classpath;

    @Option(names = "--min-rounds", paramLabel = "N", description = "Rounds before the first look (>= 3). Default: "
            + "${DEFAULT-VALUE}.")
    int minRounds = RoundsPlan.DEFAULT.minRounds();

    @Option(names = "--rounds-budget", paramLabel = "N", description = "Most rounds per benchmark and param "
            + "combination. Default: ${DEFAULT-VALUE}.")
    int roundsBudget = RoundsPlan.DEFAULT.maxRounds();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when B regressed at minor, major or "
            + "critical or worse. Default: no gate.")
    String failOn;

    @Mixin
    RunOptions controls;

    @Mixin
    ComparisonOutputs outputs;

    @Override
    int execute() {
        Severity gate = failOn == null ? null : Gate.severity(failOn);
        outputs.webhook();
        boolean builds = aClasspath != null || bClasspath != null;
        boolean benches = a != null || b != null;
        if (builds == benches) {
            throw CliException.usage(builds ? "--a/--b and --a-classpath/--b-classpath: give one pair; --a/--b "
                    + "compares two benchmarks of one suite, --a-classpath/--b-classpath two builds of it"
                    : "give --a BENCH_A --b BENCH_B (two benchmarks of the suite) or --a-classpath CP_A --b-classpath "
                            + "CP_B (two builds of the suite)");
        }
        if (builds && (aClasspath == null || bClasspath == null)) {
            throw CliException.usage((aClasspath == null ? "--a-classpath" : "--b-classpath") + ": missing; two "
                    + "builds need both --a-classpath and --b-classpath");
        }
        if (benches && (a == null || b == null)) {
            throw CliException.usage((a == null ? "--a" : "--b") + ": missing; give both --a and --b");
        }
        if (builds && classpath != null) {
            throw CliException.usage("--classpath " + classpath + ": not used with --a-classpath/--b-classpath; put "
                    + "shared jars on both");
        }
        RoundsPlan plan;
        try {
            plan = new RoundsPlan(minRounds, roundsBudget);
        } catch (IllegalArgumentException e) {
            throw CliException.usage((minRounds < 3 ? "--min-rounds " + minRounds : "--rounds-budget " + roundsBudget)
                    + ": " + e.getMessage().replaceFirst("^\\w+ = -?\\d+: ", ""));
        }
        RegressionReport report;
        if (builds) {
            Suite<?> sa = prepared(SuiteLoader.load(suite, aClasspath, "--a-classpath"));
            Suite<?> sb = prepared(SuiteLoader.load(suite, bClasspath, "--b-classpath"));
            err().println("ab: A = " + aClasspath + ", B = " + bClasspath);
            err().flush();
            report = SuiteRuns.withStdoutOnStderr(() -> Bench.ab(sa, sb, plan, DetectorConfig.DEFAULTS));
        } else {
            Suite<?> s = prepared(SuiteLoader.load(suite, classpath, "--classpath"));
            report = SuiteRuns.withStdoutOnStderr(() -> Bench.ab(s, a, b, plan, DetectorConfig.DEFAULTS));
        }
        outputs.emit(report, main(), out(), err(), "ab");
        return Gate.exitCode(report, null, gate, err(), "ab");
    }

    /** The suite with the options applied; one fork a round unless --forks says otherwise. */
    private Suite<?> prepared(Suite<?> s) {
        if (controls.forks == null && s.build().controls().forks() == 0) {
            s.forks(1);
        }
        return controls.apply(s);
    }
}
