package dev.benchbook.cli;

import dev.benchbook.Results;
import dev.benchbook.io.AtomicFiles;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benchbook report run.json --html out.html}: a run file as a report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes a run file (or JMH JSON) as a self-contained HTML report (opens offline) and/or "
                + "Markdown; prints the headline table.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:Written.", "2:Usage error: a missing or bad run "
                + "file, no output asked for."})
final class ReportCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run file.")
    Path run;

    @Option(names = "--html", paramLabel = "FILE", description = "The HTML report.")
    Path html;

    @Option(names = "--markdown", paramLabel = "FILE", description = "The Markdown summary.")
    Path markdown;

    @Override
    int execute() {
        if (html == null && markdown == null) {
            throw CliException.usage("give --html FILE and/or --markdown FILE, e.g. benchbook report " + run
                    + " --html report.html");
        }
        Results r = CheckCommand.readRun(run, "RUN");
        if (html != null) {
            r.report(html);
            err().println("report: wrote " + html);
        }
        if (markdown != null) {
            AtomicFiles.writeString(markdown, r.markdown(), "Markdown report");
            err().println("report: wrote " + markdown);
        }
        out().println(r.headline().print());
        return ExitCodes.OK;
    }
}
