package dev.benchbook.cli;

import dev.benchbook.io.AtomicFiles;
import dev.benchbook.plot.FigureHtml;
import dev.benchbook.plot.HistoryPlot;
import dev.benchbook.plot.Plots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code benchbook history}: one benchmark's metric over the recorded runs. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Shows one benchmark's metric over the runs in the history store (a table on stdout) and "
                + "plots it with its change points into an HTML file.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:Shown.", "2:Usage error, or no history store."})
final class HistoryCommand extends BaseCommand {
    /** The series columns that are not params. */
    static final Set<String> FIXED = Set.of("run_id", "started", "commit", "branch", "label", "metric", "value",
            "ci_low", "ci_high", "n", "segment", "change_point", "accepted");

    @Option(names = "--benchmark", required = true, paramLabel = "B", description = "The benchmark's name.")
    String benchmark;

    @Option(names = "--param", paramLabel = "K=V", description = "Keep only runs at this param value; repeatable. "
            + "Default: every param combination.")
    Map<String, String> params;

    @Option(names = "--metric", paramLabel = "M", description = "The metric. Default: ${DEFAULT-VALUE}.")
    String metric = "wall_ns";

    @Option(names = "--html", paramLabel = "FILE", description = "Write the plot, change points marked, to FILE.")
    Path html;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Mixin
    HistoryOption history;

    @Override
    int execute() throws Exception {
        if (history.off) {
            throw CliException.usage("--no-history: history reads the store; drop --no-history");
        }
        try (HistoryAccess store = main().history().open(history.location != null ? history.location
                : main().env(HistoryAccess.ENV))) {
            Table series = store.series(benchmark, params == null ? null : new LinkedHashMap<>(params), metric);
            if (series.rowCount() == 0) {
                throw CliException.usage("--benchmark " + benchmark + (params == null ? "" : " --param " + params)
                        + " --metric " + metric + ": no runs in " + store.location() + "; record some with `benchbook "
                        + "run`, or check the names with the store's runs");
            }
            if (html != null) {
                Table plotted = withParams(series);
                plotted.column("value").setName(metric);
                AtomicFiles.writeString(html, FigureHtml.standalone(benchmark + " " + metric + " history",
                        Plots.history(plotted, "started", metric)), "history plot");
                err().println("history: wrote " + html);
            }
            if (format == Format.json) {
                out().println(Tables.json(series));
            } else {
                out().println(series.print(series.rowCount()));
            }
            return ExitCodes.OK;
        }
    }

    /** A copy with a {@value HistoryPlot#PARAMS} column, so each param combination gets its own line. */
    static Table withParams(Table series) {
        Table t = series.copy();
        List<Column<?>> paramCols = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            if (!FIXED.contains(c.name())) {
                paramCols.add(c);
            }
        }
        if (!paramCols.isEmpty() && !t.containsColumn(HistoryPlot.PARAMS)) {
            StringColumn p = StringColumn.create(HistoryPlot.PARAMS);
            for (int row = 0; row < t.rowCount(); row++) {
                List<String> kv = new ArrayList<>();
                for (Column<?> c : paramCols) {
                    kv.add(c.name() + "=" + c.getString(row));
                }
                p.append(String.join(", ", kv));
            }
            t.addColumns(p);
        }
        return t;
    }
}
