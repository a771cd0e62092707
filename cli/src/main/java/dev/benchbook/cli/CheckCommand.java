package dev.benchbook.cli;

import dev.benchbook.RegressionReport;
import dev.benchbook.Results;
import dev.benchbook.baseline.Baselines;
import dev.benchbook.codec.RunFormatException;
import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.RegressionDetector;
import dev.benchbook.regress.RunNoise;
import dev.benchbook.regress.Severity;
import dev.benchbook.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code benchbook check}: the CI gate, a run compared with a baseline. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compares a run (a run file, or the suite run now) with a baseline and fails on regressions: "
                + "prints a one-screen summary, writes Markdown/HTML/JSON as asked, appends the Markdown to "
                + "$GITHUB_STEP_SUMMARY when that is set, and posts the JSON to a webhook.",
            "Without --fail-on, regressions of the major severity and worse (5%% and more) fail."},
        exitCodeListHeading = "%nExit codes (the first that applies, in the order 2, 4, 3, 1):%n", exitCodeList = {
            "0:No regression at or above --fail-on.",
            "1:A regression at or above --fail-on.",
            "2:Usage or configuration error: a bad flag, a missing baseline (the message says how to save one).",
            "3:Not comparable: a hard fingerprint key differs; --allow-incomparable compares anyway.",
            "4:A benchmark of the run failed (it threw, its fork failed, it timed out)."})
final class CheckCommand extends BaseCommand {
    /** The severity that fails a check unless {@code --fail-on} says otherwise. */
    static final String DEFAULT_FAIL_ON = "major";

    @Option(names = "--against", required = true, paramLabel = "BASELINE", description = "A baseline name (in "
            + "--baselines) or a file: a baseline, a run file or JMH JSON.")
    String against;

    @Option(names = "--run", paramLabel = "FILE", description = "The run to check (a run file or JMH JSON).")
    Path run;

    @Option(names = "--suite", paramLabel = "SUITE", description = "Run this suite now and check that run; see "
            + "`benchbook run --help`.")
    String suite;

    @Option(names = {"--classpath", "--cp"}, paramLabel = "CP", description = "With --suite: jars and class "
            + "folders that hold it.")
    String classpath;

    @Option(names = "--out", paramLabel = "FILE", description = "With --suite: also write the run file here.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "minor, major or critical. Default: "
            + "${DEFAULT-VALUE}.")
    String failOn = DEFAULT_FAIL_ON;

    @Option(names = "--allow-incomparable", description = "Compare even when a hard fingerprint key differs (every "
            + "row is marked).")
    boolean allowIncomparable;

    @Option(names = "--allow-changed-code", description = "Compare benchmarks whose code (source hash) changed "
            + "instead of reporting them as changed (those rows are marked).")
    boolean allowChangedCode;

    @Mixin
    RunOptions controls;

    @Mixin
    BaselineDir baselines;

    @Mixin
    HistoryOption history;

    @Mixin
    ComparisonOutputs outputs;

    @Override
    int execute() {
        Severity gate = Gate.severity(failOn);
        outputs.webhook();
        if ((run == null) == (suite == null)) {
            throw CliException.usage(run == null ? "give --run FILE (a run file) or --suite SUITE (run it now)"
                    : "--run " + run + " and --suite " + suite + ": give one of them");
        }
        Side base = baseline(against, baselines.resolve(main()));
        try (HistoryAccess store = history.open(main())) {
            Results candidate;
            String candidateLabel;
            if (run != null) {
                candidate = readRun(run, "--run");
                candidateLabel = label(run.getFileName().toString(), candidate.result());
            } else {
                candidate = SuiteRuns.run(controls.apply(SuiteLoader.load(suite, classpath, "--classpath")));
                candidateLabel = label("this run", candidate.result());
                if (out != null) {
                    candidate.writeJson(out);
                    err().println("check: wrote " + out);
                }
            }
            RunNoise noise = store == null ? RunNoise.NONE : store.noise();
            DetectorConfig config = DetectorConfig.DEFAULTS.allowingIncomparable(allowIncomparable)
                .allowingChangedCode(allowChangedCode);
            RegressionReport report = RegressionReport.of(new RegressionDetector(config).compare(base.run(),
                    base.label(), candidate.result(), candidateLabel, noise));
            outputs.emit(report, main(), out(), err(), "check");
            return Gate.exitCode(report, candidate.result(), gate, err(), "check");
        }
    }

    /** One side of a comparison. */
    record Side(RunResult run, String label) {}

    /** A baseline name in {@code dir}, or a file. */
    static Side baseline(String against, Baselines dir) {
        boolean file = against.endsWith(".json") || against.contains("/") || Files.isRegularFile(Path.of(against));
        if (file) {
            Path p = Path.of(against);
            Results r = readRun(p, "--against");
            return new Side(r.result(), label(p.getFileName().toString(), r.result()));
        }
        Baselines.checkName(against);
        RunResult r = dir.load(against).run().result();
        return new Side(r, label("baseline '" + against + "'", r));
    }

    /** A run, baseline or JMH file named by {@code flag}. */
    static Results readRun(Path p, String flag) {
        if (!Files.isRegularFile(p)) {
            throw CliException.usage(flag + " " + p + ": no such file; pass a run file (benchbook run --out FILE), a "
                    + "baseline file (baselines/NAME.json) or a JMH JSON result");
        }
        try {
            return Results.read(p);
        } catch (RunFormatException e) {
            throw CliException.usage(flag + " " + p + ": " + e.getMessage());
        }
    }

    /** What a run is, with its commit when it has one. */
    static String label(String what, RunResult r) {
        String commit = r.git().commit();
        return commit.isEmpty() ? what : what + " (" + commit.substring(0, Math.min(7, commit.length()))
                + (r.git().dirty() ? ", dirty" : "") + ")";
    }
}
