package dev.benchbook;

import dev.benchbook.display.Notebook;
import dev.benchbook.fork.ForkRunner;
import dev.benchbook.harness.Harness;
import dev.benchbook.harness.RunListener;
import dev.benchbook.progress.ConsoleProgress;
import dev.benchbook.progress.NotebookProgress;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.SpecProblem;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.spec.SuiteValidationException;
import dev.benchbook.stats.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link Suite#run()} runs a validated spec: in this JVM, or in forks when the suite's code can
 * be loaded by a fresh JVM, with live progress in the notebook or on the console.
 */
final class SuiteExecution {
    private SuiteExecution() {}

    static RunResult run(SuiteSpec spec, String factoryClass, boolean inProcessFallback, boolean quiet) {
        RunListener progress = progress(spec, quiet);
        if (spec.controls().forks() == 0) {
            return new Harness(Precision::relativeHalfWidth, progress).run(spec);
        }
        List<String> reasons = new ArrayList<>();
        if (factoryClass == null) {
            reasons.add("the suite was not built by a SuiteFactory, so a fresh JVM cannot build it again");
        }
        for (BenchmarkSpec b : spec.benchmarks()) {
            String why = ForkRunner.unforkableReason(b);
            if (why != null) {
                reasons.add("benchmark \"" + b.name() + "\": " + why);
            }
        }
        if (reasons.isEmpty()) {
            return new ForkRunner(factoryClass, progress).run(spec);
        }
        if (!inProcessFallback) {
            throw new SuiteValidationException(spec.name(), List.of(new SpecProblem("forks", String.valueOf(spec.controls().forks()),
                    "cannot fork notebook-defined code: " + String.join("; ", reasons),
                    "move the suite into a class implementing SuiteFactory on the classpath and run "
                            + "Bench.suite(MySuite.class).forks(n), or add .inProcessFallback() to run it in this JVM")));
        }
        SuiteSpec inProcess = spec.withControls(spec.controls().withForks(0));
        return new Harness(Precision::relativeHalfWidth, progress).run(inProcess);
    }

    private static RunListener progress(SuiteSpec spec, boolean quiet) {
        if (quiet) {
            return RunListener.NONE;
        }
        return Notebook.sink().<RunListener>map(sink -> new NotebookProgress(sink, spec))
                .orElseGet(() -> new ConsoleProgress(System.err, spec));
    }
}
