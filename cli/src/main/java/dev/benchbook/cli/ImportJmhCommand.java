package dev.benchbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benchbook import-jmh FILE...}: JMH result files into the history store. */
@Command(name = "import-jmh", mixinStandardHelpOptions = true,
        description = "Imports JMH result files (-rf json) into the history store, one run per file.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:Imported.", "2:Usage error: a missing or bad "
                + "file, or no history store."})
final class ImportJmhCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JMH JSON result files.")
    List<Path> files;

    @Option(names = "--label", paramLabel = "L", description = "A label for the imported runs.")
    String label = "";

    @Mixin
    HistoryOption history;

    @Override
    int execute() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw CliException.usage(f + ": no such file; pass JMH result files written with -rf json -rff FILE");
            }
        }
        if (history.off) {
            throw CliException.usage("--no-history: import-jmh writes into the store; drop --no-history");
        }
        try (HistoryAccess store = main().history().open(history.location != null ? history.location
                : main().env(HistoryAccess.ENV))) {
            int total = 0;
            for (Path f : files) {
                int n = store.importJmh(f, label);
                total += n;
                err().println("import-jmh: " + f + ": stored as " + n + " run" + (n == 1 ? "" : "s"));
            }
            err().println("import-jmh: " + total + " run" + (total == 1 ? "" : "s") + " from " + files.size() + " path"
                    + (files.size() == 1 ? "" : "s") + " into " + store.location());
            return ExitCodes.OK;
        }
    }
}
