package dev.benchbook.cli;

import dev.benchbook.RegressionReport;
import dev.benchbook.regress.Severity;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import java.io.PrintWriter;
import java.util.List;

/**
 * The exit code of a comparison: {@value ExitCodes#BENCHMARK_FAILED} when a candidate benchmark failed, else
 * {@value ExitCodes#NOT_COMPARABLE} when the environments differ and that was not allowed, else {@value
 * ExitCodes#REGRESSION} when a regression reaches {@code failOn} (null: no gate), else 0.
 */
final class Gate {
    private Gate() {}

    static int exitCode(RegressionReport report, RunResult candidate, Severity failOn, PrintWriter err,
            String command) {
        List<BenchmarkRun> failed = candidate == null ? List.of()
                : candidate.runs().stream().filter(r -> r.status() != Status.OK).toList();
        if (!failed.isEmpty() || report.analysis().anyFailed()) {
            failed.forEach(r -> err.println(command + ": " + SuiteRuns.describe(r)));
            err.println(command + ": exit " + ExitCodes.BENCHMARK_FAILED + ": a benchmark failed");
            return ExitCodes.BENCHMARK_FAILED;
        }
        if (!report.comparable() && !report.analysis().forced()) {
            err.println(command + ": exit " + ExitCodes.NOT_COMPARABLE + ": not comparable, the environments differ in "
                    + String.join(", ", report.analysis().differences().stream().map(Object::toString).toList())
                    + "; compare runs from the same machine and JVM, or pass --allow-incomparable");
            return ExitCodes.NOT_COMPARABLE;
        }
        if (failOn != null && report.analysis().failsAt(failOn)) {
            err.println(command + ": exit " + ExitCodes.REGRESSION + ": a regression at or above " + failOn.label()
                    + " (" + report.outcome() + ")");
            return ExitCodes.REGRESSION;
        }
        return ExitCodes.OK;
    }

    /** {@code --fail-on}'s value, checked. */
    static Severity severity(String value) {
        try {
            return Severity.of(value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--fail-on " + value + ": must be minor, major or critical; e.g. --fail-on major "
                    + "fails on changes of 5% and more");
        }
    }
}
