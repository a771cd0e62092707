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
            + "(com.acme.MySuite), a suite name listed in a jar's META-INF/services, a bundled suite (sorting), a "
            + "group of the suite catalog (standard: each suite to run-<suite>.json beside --out) or a catalog suite "
            + "by short name (hash-map).")
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
        List<Suite<?>> all = SuiteLoader.loadAll(suite, classpath, "--classpath");
        if (all.size() > 1) {
            return group(all, target);
        }
        Suite<?> s = controls.apply(all.get(0));
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

    /**
     * A group: every suite in turn, each to its own run file {@code run-<suite>.json} in the folder of
     * {@code --out}, each recorded in the history store; the exit code is the worst.
     */
    private int group(List<Suite<?>> suites, Baselines target) {
        if (target != null) {
            throw CliException.usage("--save-baseline " + saveBaseline + ": --suite " + suite + " is a group of "
                    + suites.size() + " suites, and a baseline holds one; save each run file with benchbook baseline "
                    + "promote run-<suite>.json --as NAME");
        }
        Path dir = out.toAbsolutePath().getParent();
        int code = ExitCodes.OK;
        try (HistoryAccess store = history.open(main())) {
            for (Suite<?> s : suites) {
                Results r = SuiteRuns.run(controls.apply(s));
                Path file = dir.resolve("run-" + r.result().suite().name() + ".json");
                r.writeJson(file);
                err().println("run: wrote " + file);
                if (store != null) {
                    long id = store.write(r.result(), label);
                    err().println("run: recorded as run " + id + " in " + store.location());
                }
                for (BenchmarkRun p : r.problems()) {
                    err().println("run: " + SuiteRuns.describe(p));
                }
                if (format == Format.text) {
                    out().println(r.headline().print());
                }
                if (!r.problems().isEmpty()) {
                    code = ExitCodes.BENCHMARK_FAILED;
                }
            }
        }
        return code;
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
