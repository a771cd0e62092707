package dev.benchbook.cli;

import dev.benchbook.RegressionReport;
import dev.benchbook.Results;
import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.RegressionDetector;
import dev.benchbook.regress.RunNoise;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benchbook compare A.json B.json}: two run files compared, B against A, without a gate. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares run file B (the candidate) with run file A (the baseline): the same summary and "
                + "files as check, but regressions do not fail the command.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Compared (whatever the verdicts).",
            "2:Usage error: a missing or unreadable file.",
            "3:Not comparable: a hard fingerprint key differs; --allow-incomparable compares anyway.",
            "4:A benchmark of B failed."})
final class CompareCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "A.json", description = "The baseline run (run, baseline or JMH file).")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "The candidate run.")
    Path b;

    @Option(names = "--allow-incomparable", description = "Compare even when a hard fingerprint key differs.")
    boolean allowIncomparable;

    @Option(names = "--allow-changed-code", description = "Compare benchmarks whose code (source hash) changed "
            + "instead of reporting them as changed (those rows are marked).")
    boolean allowChangedCode;

    @Mixin
    ComparisonOutputs outputs;

    @Override
    int execute() {
        outputs.webhook();
        Results base = CheckCommand.readRun(a, "A");
        Results cand = CheckCommand.readRun(b, "B");
        DetectorConfig config = DetectorConfig.DEFAULTS.allowingIncomparable(allowIncomparable)
                .allowingChangedCode(allowChangedCode);
        RegressionReport report = RegressionReport.of(new RegressionDetector(config).compare(base.result(),
                CheckCommand.label(a.getFileName().toString(), base.result()), cand.result(),
                CheckCommand.label(b.getFileName().toString(), cand.result()), RunNoise.NONE));
        outputs.emit(report, main(), out(), err(), "compare");
        return Gate.exitCode(report, cand.result(), null, err(), "compare");
    }
}
