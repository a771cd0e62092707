package dev.benchbook.cli;

import dev.benchbook.RegressionReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * What a comparison writes ({@code check}, {@code compare}, {@code ab}): the files asked for (each atomically),
 * the Markdown appended to {@code $GITHUB_STEP_SUMMARY} when that is set, the summary on stdout, then the
 * webhook. The files come first, so a failing webhook loses nothing; it only warns.
 */
final class ComparisonOutputs {
    /** The variable GitHub Actions sets to the job summary file. */
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the Markdown summary to FILE.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report (plot, table, both "
            + "environments; opens offline) to FILE.")
    Path html;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the comparison JSON (\"format\": "
            + "\"benchbook-regressions\") to FILE.")
    Path json;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST the comparison JSON to URL after the "
            + "files are written. A failure only warns; it never changes the exit code.")
    String webhook;

    @Option(names = "--webhook-timeout", paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class,
            description = "Limit of one webhook attempt. "
            + "Default: ${DEFAULT-VALUE}.")
    Duration webhookTimeout;

    @Option(names = "--webhook-retries", paramLabel = "N", description = "Webhook attempts after the first, on a "
            + "connection failure, timeout, 429 or 5xx. Default: ${DEFAULT-VALUE}.")
    int webhookRetries = 3;

    @Option(names = "--webhook-backoff", paramLabel = "TIME", defaultValue = "500ms",
            converter = DurationConverter.class, description = "Wait before the first retry, doubled "
            + "before each further one. Default: ${DEFAULT-VALUE}.")
    Duration webhookBackoff;

    @Option(names = "--format", paramLabel = "FORMAT", description = "stdout: text (a one-screen summary) or json "
            + "(the comparison JSON and nothing else). Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    /** Validates the webhook options before anything runs; null when there is no webhook. */
    Webhook webhook() {
        return webhook == null ? null : Webhook.of(webhook, webhookTimeout, webhookRetries, webhookBackoff);
    }

    /** Writes, prints and posts {@code report}; see the class description. */
    void emit(RegressionReport report, Main main, PrintWriter out, PrintWriter err, String command) {
        Webhook hook = webhook();
        if (markdown != null) {
            report.writeMarkdown(markdown);
            err.println(command + ": wrote " + markdown);
        }
        if (html != null) {
            report.report(html);
            err.println(command + ": wrote " + html);
        }
        if (json != null) {
            report.writeJson(json);
            err.println(command + ": wrote " + json);
        }
        String summary = main.env(STEP_SUMMARY);
        if (summary != null && !summary.isBlank()) {
            try {
                Files.writeString(Path.of(summary), report.markdown() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                err.println(command + ": warning: could not append to $" + STEP_SUMMARY + " (" + summary + "): " + e);
            }
        }
        if (format == Format.json) {
            out.print(report.json().endsWith("\n") ? report.json() : report.json() + "\n");
        } else {
            out.println(report.console());
        }
        out.flush();
        if (hook != null) {
            Webhook.Outcome o = hook.post(report.json(), err::println);
            if (o.delivered()) {
                err.println(command + ": webhook delivered to " + hook.url() + " (HTTP " + o.status() + ", attempt "
                        + o.attempts() + ")");
            } else {
                err.println(command + ": warning: webhook to " + hook.url() + " failed after " + o.attempts()
                        + " attempt" + (o.attempts() == 1 ? "" : "s") + ": " + o.problem() + "; the result is in the "
                        + "files above and the exit code is unchanged");
            }
        }
    }
}
