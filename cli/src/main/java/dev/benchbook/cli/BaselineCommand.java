package dev.benchbook.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.Results;
import dev.benchbook.baseline.Baselines;
import dev.benchbook.result.BaselineInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benchbook baseline save|list|promote|delete}: the project's baselines folder. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Manages the baselines folder (--baselines DIR, else $BENCHBOOK_BASELINES, else baselines/ at "
                + "the top of the git work tree): one run file per name, with its environment fingerprint.",
        subcommands = {BaselineCommand.Save.class, BaselineCommand.ListCommand.class, BaselineCommand.Promote.class,
                BaselineCommand.Delete.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:Done.", "2:Usage error: a bad name, a missing "
                + "baseline or run file (the message says the fix)."})
final class BaselineCommand extends BaseCommand {
    @Override
    int execute() {
        err().println("baseline: name a subcommand: save, list, promote or delete");
        spec.commandLine().usage(err());
        return ExitCodes.USAGE;
    }

    /** {@code baseline save NAME --run run.json}. */
    @Command(name = "save", mixinStandardHelpOptions = true, description = "Saves a run file as baseline NAME, "
            + "replacing one of that name.")
    static final class Save extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "1-64 letters, digits, '.', '-', '_'; e.g. main.")
        String name;

        @Option(names = "--run", required = true, paramLabel = "FILE", description = "The run file (or JMH JSON).")
        Path run;

        @Mixin
        BaselineDir dir;

        @Mixin
        HistoryOption history;

        @Override
        int execute() {
            Results r = CheckCommand.readRun(run, "--run");
            int code = saveAs(this, name, r, dir.resolve(main()), "save");
            // a copy goes into the history store, so that it holds every reference the project had
            try (HistoryAccess store = history.open(main())) {
                if (store != null) {
                    long id = store.write(r.result(), Results.BASELINE_LABEL + name);
                    err().println("save: copy stored as run " + id + " in " + store.location());
                }
            }
            return code;
        }
    }

    /** {@code baseline promote RUN_FILE --as NAME}. */
    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Makes a run the baseline NAME: "
            + "RUN (a run file, or a run id of the history store) becomes it, replacing the old one, which the "
            + "message names.")
    static final class Promote extends BaseCommand {
        @Parameters(index = "0", paramLabel = "RUN", description = "The run file, or a history run id.")
        String run;

        @Mixin
        HistoryOption history;

        @Option(names = "--as", required = true, paramLabel = "NAME", description = "The baseline's name, e.g. main.")
        String name;

        @Mixin
        BaselineDir dir;

        @Override
        int execute() {
            Baselines b = dir.resolve(main());
            Baselines.checkName(name);
            if (b.exists(name)) {
                BaselineInfo old = b.list().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
                err().println("promote: replaces baseline '" + name + "'" + (old == null ? ""
                        : " saved " + old.saved()));
            }
            Path file = Path.of(run);
            if (run.matches("\\d+") && !java.nio.file.Files.exists(file)) {
                try (HistoryAccess store = main().history().open(history.location)) {
                    dev.benchbook.result.RunResult r = store.read(Long.parseLong(run));
                    BaselineInfo info = b.save(name, r, dev.benchbook.analysis.Findings.of(r));
                    err().println("promote: history run " + run + " saved as baseline '" + name + "' to " + b.file(name)
                            + " (fingerprint " + info.fingerprintHash().substring(0, 12) + ")");
                    return ExitCodes.OK;
                }
            }
            return saveAs(this, name, file, b, "promote");
        }
    }

    private static int saveAs(BaseCommand cmd, String name, Path run, Baselines b, String verb) {
        return saveAs(cmd, name, CheckCommand.readRun(run, "--run"), b, verb);
    }

    private static int saveAs(BaseCommand cmd, String name, Results r, Baselines b, String verb) {
        Baselines.checkName(name);
        BaselineInfo info = b.save(name, r.result(), r.findingList());
        cmd.err().println(verb + ": baseline '" + name + "' saved to " + b.file(name) + " (fingerprint "
                + info.fingerprintHash().substring(0, Math.min(12, info.fingerprintHash().length())) + ")");
        return ExitCodes.OK;
    }

    /** {@code baseline list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the baselines: name, when "
            + "saved, fingerprint hash.")
    static final class ListCommand extends BaseCommand {
        @Mixin
        BaselineDir dir;

        @Option(names = "--format", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
        Format format = Format.text;

        @Override
        int execute() throws Exception {
            Baselines b = dir.resolve(main());
            List<BaselineInfo> all = b.list();
            if (format == Format.json) {
                ObjectMapper m = new ObjectMapper();
                ObjectNode root = m.createObjectNode();
                root.put("format", "benchbook-baselines");
                root.put("dir", b.dir().toString());
                ArrayNode list = root.putArray("baselines");
                for (BaselineInfo i : all) {
                    ObjectNode n = list.addObject();
                    n.put("name", i.name());
                    n.put("saved", i.saved().toString());
                    n.put("fingerprint", i.fingerprintHash());
                    n.put("file", b.file(i.name()).toString());
                    if (i.hard().containsKey("error")) {
                        n.put("error", i.hard().get("error"));
                    }
                }
                out().println(m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
                return ExitCodes.OK;
            }
            if (all.isEmpty()) {
                err().println("list: no baselines in " + b.dir() + "; save one with `benchbook baseline save main --run "
                        + "run.json`");
                return ExitCodes.OK;
            }
            out().println(String.format(Locale.ROOT, "%-24s %-22s %s", "name", "saved", "fingerprint"));
            for (BaselineInfo i : all) {
                out().println(String.format(Locale.ROOT, "%-24s %-22s %s", i.name(), i.saved().toString()
                        .replaceFirst("\\.\\d+Z$", "Z"), i.hard().containsKey("error") ? "unreadable: "
                                + i.hard().get("error") : i.fingerprintHash().substring(0, Math.min(12,
                                        i.fingerprintHash().length()))));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code baseline delete NAME}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes baseline NAME.")
    static final class Delete extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The baseline to delete.")
        String name;

        @Mixin
        BaselineDir dir;

        @Override
        int execute() {
            Baselines b = dir.resolve(main());
            b.delete(name);
            err().println("delete: baseline '" + name + "' deleted from " + b.dir());
            return ExitCodes.OK;
        }
    }
}
