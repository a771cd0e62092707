package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.LanguageComparison;
import dev.benchbook.io.AtomicFiles;
import dev.benchbook.xlang.ComparisonResult;
import dev.benchbook.xlang.ImplementationResult;
import dev.benchbook.xlang.Language;
import dev.benchbook.xlang.LanguageSuite;
import dev.benchbook.xlang.Order;
import dev.benchbook.xlang.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/** {@code benchbook languages}: cross-language comparisons of workload folders, as real processes. */
@Command(name = "languages", mixinStandardHelpOptions = true,
        description = {"Builds, validates and times each workload's implementations in C, C++, Rust, Java, Python and "
                + "JavaScript as real processes, and prints their time and memory ratios against the reference with "
                + "bootstrap intervals. A workload folder holds a workload.env and the sources (see "
                + "datasets/xlang/README.md). Outputs are checked against the reference's at the small size and at "
                + "the timed size before anything is timed; timed runs go in seeded, shuffled rounds unless --order "
                + "sequential runs each implementation's back to back.",
            "Example: benchbook languages datasets/xlang/nbody datasets/xlang/fannkuch-redux --lang c,rust,java "
                + "--runs 10 --report languages.html"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Every implementation was validated and timed.",
            "2:Usage error: a bad flag, a folder that is not a workload.",
            "4:An implementation failed: a missing toolchain, a failed build or run, a timeout, or an output that "
                + "differs from the reference's."})
final class LanguagesCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "WORKLOAD", description = "Workload folders, e.g. datasets/xlang/nbody.")
    List<Path> workloads;

    @Option(names = "--lang", split = ",", paramLabel = "LANG", description = "Languages to compare: c, cpp, rust, "
            + "java, python, js. Default: all six.")
    List<String> languages = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "NAME", description = "The implementation ratios are relative to. "
            + "Default: ${DEFAULT-VALUE}.")
    String reference = "c";

    @Option(names = "--size", paramLabel = "SIZE", description = "The timed size: timed (the workload's TIMED), small "
            + "(its SMALL; only one check then) or the arguments themselves, e.g. '1000000'. Default: ${DEFAULT-VALUE}.")
    String size = "timed";

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per implementation. Default: "
            + "${DEFAULT-VALUE}.")
    int runs = LanguageSuite.DEFAULT_RUNS;

    @Option(names = "--warmup", paramLabel = "N", description = "Warmup runs (the validation run is the first). "
            + "Default: ${DEFAULT-VALUE}.")
    int warmup = LanguageSuite.DEFAULT_WARMUP;

    @Option(names = "--order", paramLabel = "ORDER", description = "The order of the warmup and timed runs: "
            + "interleaved (seeded, shuffled rounds, one run of each implementation per round; a drift of the "
            + "machine's state lands on every implementation alike, so it stays out of the ratios) or sequential "
            + "(each implementation's warmups and timed runs back to back, as hyperfine runs them; each block "
            + "starts with its own --warmup runs). Default: ${DEFAULT-VALUE}.")
    String order = Order.INTERLEAVED.label();

    @Option(names = "--numeric", paramLabel = "TOLERANCE", description = "Compare outputs numerically within this "
            + "tolerance instead of byte for byte, e.g. 1e-8.")
    Double numeric;

    @Option(names = "--instructions", description = "Also count instructions and simulated cache misses under "
            + "valgrind (callgrind), at --instruction-size.")
    boolean instructions;

    @Option(names = "--instruction-size", paramLabel = "SIZE", description = "The size of the counting runs: small, "
            + "timed or the arguments. Default: ${DEFAULT-VALUE}.")
    String instructionSize = "small";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the round order and the bootstrap. Default: "
            + "${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Longest one run may take, e.g. 90s or 5m. "
            + "Default: 5m.")
    Duration timeout = LanguageSuite.DEFAULT_TIMEOUT;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report here.")
    Path report;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every workload's summary rows here as CSV.")
    Path csv;

    @Override
    int execute() throws Exception {
        List<Language> langs = new ArrayList<>();
        for (String l : languages) {
            try {
                langs.add(Language.parse(l));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--lang " + l + ": " + e.getMessage());
            }
        }
        Order runOrder;
        try {
            runOrder = Order.parse(order);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--order " + order + ": " + e.getMessage());
        }
        if (runs < 2) {
            throw CliException.usage("--runs " + runs + ": must be at least 2, since an interval needs two runs; 10 is "
                    + "the default");
        }
        if (warmup < 0) {
            throw CliException.usage("--warmup " + warmup + ": must be >= 0");
        }
        for (Path w : workloads) {
            if (!Files.isRegularFile(w.resolve("workload.env"))) {
                throw CliException.usage(w + ": not a workload folder (it has no workload.env); give a folder such "
                        + "as datasets/xlang/nbody");
            }
        }
        List<LanguageComparison> all = new ArrayList<>();
        boolean failed = false;
        for (Path w : workloads) {
            String name = w.toAbsolutePath().normalize().getFileName().toString();
            out().println("== " + name);
            out().flush();
            LanguageSuite<LanguageComparison> s = Bench.languages(name).dataset(w, langs.toArray(Language[]::new))
                    .runs(runs).warmup(warmup).order(runOrder).seed(seed).timeout(timeout).reference(reference);
            String[] small = null;
            if (size.equals("small")) {
                small = smallArgs(s);
                s.args(small);
            } else if (!size.equals("timed")) {
                s.args(size.strip().split("\\s+"));
            }
            if (numeric != null) {
                s.validate(Validation.numeric(numeric));
            }
            if (instructions) {
                if (instructionSize.equals("small")) {
                    s.instructionArgs(small != null ? small : smallArgs(s));
                } else if (instructionSize.equals("timed")) {
                    s.instructions();
                } else {
                    s.instructionArgs(instructionSize.strip().split("\\s+"));
                }
            }
            LanguageComparison c = s.run();
            all.add(c);
            print(c.comparison());
            failed |= c.comparison().implementations().stream().anyMatch(i -> !i.ok());
        }
        if (all.size() > 1) {
            out().println("== geometric mean of time ratios (these workloads only; min and max show the spread)");
            out().println(LanguageComparison.geomean(all).printAll());
        }
        if (report != null) {
            out().println("report: " + LanguageComparison.report(report, all));
        }
        if (csv != null) {
            Table rows = null;
            for (LanguageComparison c : all) {
                Table t = c.summary();
                tech.tablesaw.api.StringColumn w = tech.tablesaw.api.StringColumn.create("workload");
                for (int i = 0; i < t.rowCount(); i++) {
                    w.append(c.comparison().workload());
                }
                t.insertColumn(0, w);
                if (rows == null) {
                    rows = t;
                } else if (rows.columnNames().equals(t.columnNames())) {
                    rows.append(t);
                } else {
                    throw CliException.usage("--csv: the workloads' summaries have different columns");
                }
            }
            String text = rows.write().toString("csv");
            out().println("csv: " + AtomicFiles.writeString(csv, text, "languages CSV"));
        }
        return failed ? ExitCodes.BENCHMARK_FAILED : ExitCodes.OK;
    }

    private static String[] smallArgs(LanguageSuite<LanguageComparison> s) {
        return s.smallArgsOrArgs().toArray(String[]::new);
    }

    private void print(ComparisonResult r) {
        out().printf(Locale.ROOT, "%-12s %-18s %12s %24s %8s %10s  %s%n", "impl", "status", "mean ms",
                "ratio [" + Math.round(r.level() * 100) + "% CI]", "memory", "instr", "toolchain");
        for (ImplementationResult i : r.implementations()) {
            ComparisonResult.Figures f = r.figures(i.name());
            String ratio = Double.isFinite(f.ratio().point()) ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]",
                    f.ratio().point(), f.ratio().low(), f.ratio().high()) : "-";
            out().printf(Locale.ROOT, "%-12s %-18s %12s %24s %8s %10s  %s%n", i.name(), i.status().label(),
                    Double.isFinite(f.mean().point()) ? String.format(Locale.ROOT, "%.2f", f.mean().point() / 1e6) : "-",
                    ratio, Double.isFinite(f.memoryRatio()) ? String.format(Locale.ROOT, "%.2f", f.memoryRatio()) : "-",
                    i.counts() == null ? "-" : String.format(Locale.ROOT, "%.3g", (double) i.counts().instructions()),
                    i.toolchain() == null ? "" : i.toolchain().description());
        }
        for (ImplementationResult i : r.implementations()) {
            if (!i.ok()) {
                out().println("  " + i.name() + ": " + i.status().label() + ": " + i.problem());
            } else if (!i.countsProblem().isEmpty()) {
                out().println("  " + i.name() + ": no instruction counts: " + i.countsProblem());
            }
        }
        out().flush();
    }
}
