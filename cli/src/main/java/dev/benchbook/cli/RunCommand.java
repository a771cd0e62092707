package dev.benchbook.cli;

import dev.benchbook.Results;
import dev.benchbook.Suite;
import dev.benchbook.baseline.Baselines;
import dev.benchbook.codec.RunJson;
import dev.benchbook.result.BenchmarkRun;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code benchbook run}: runs a compiled suite and writes the run file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a compiled suite (a dev.benchbook.spec.SuiteFactory) and writes the run file; "
                + "optionally saves it as a baseline and records it in the history store.",
            "stdout: the headline table (text) or the run file's JSON (--format json); progress goes to stderr."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Every benchmark ran.",
            "2:Usage or configuration error (bad flag, suite not found, bad baseline name).",
            "4:A benchmark failed, its fork failed, or it timed out; the run file is written all the same."})
final class RunCommand extends BaseCommand {
    @Option(names = "--suite", required = true, paramLabel = "SUITE", description = "A SuiteFactory class "
            + "(com.acme.MySuite), a suite name listed in a jar's META-INF/services, or a bundled suite: sorting.")
    String suite;

    @Option(names = {"--classpath", "--cp"}, paramLabel = "CP", description = "Jars and class folders that hold the "
            + "suite, separated by ':'. Forks get them too. Default: the CLI's own classpath.")
    String classpath;

    @Option(names = "--label", paramLabel = "L", description = "A label for the history store, e.g. nightly.")
    String label = "";

    @Option(names = "--out", paramLabel = "FILE", description = "Where the run file goes. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("run.json");

    @Option(names = "--save-baseline", paramLabel = "NAME", description = "Also save the run as baseline NAME.")
    String saveBaseline;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Mixin
    RunOptions controls;

    @Mixin
    BaselineDir baselines;

    @Mixin
    HistoryOption history;

    @Override
    int execute() {
        Baselines target = null;
        if (saveBaseline != null) {
            Baselines.checkName(saveBaseline);
            target = baselines.resolve(main());
        }
        Suite<?> s = controls.apply(SuiteLoader.load(suite, classpath, "--classpath"));
        try (HistoryAccess store = history.open(main())) {
            Results r = SuiteRuns.run(s);
            r.writeJson(out);
            err().println("run: wrote " + out);
            if (target != null) {
                target.save(saveBaseline, r.result(), r.findingList());
                err().println("run: saved baseline '" + saveBaseline + "' to " + target.file(saveBaseline));
            }
            if (store != null) {
                long id = store.write(r.result(), label);
                err().println("run: recorded as run " + id + " in " + store.location());
            }
            return report(r);
        }
    }

    private int report(Results r) {
        List<BenchmarkRun> problems = r.problems();
        for (BenchmarkRun p : problems) {
            err().println("run: " + SuiteRuns.describe(p));
        }
        if (format == Format.json) {
            out().print(RunJson.toJson(r.result(), r.findingList()));
        } else {
            out().println(r.headline().print());
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.BENCHMARK_FAILED;
    }
}
