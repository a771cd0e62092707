package dev.benchbook;

import dev.benchbook.display.Notebook;
import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.Runner;
import dev.benchbook.engine.SuiteRunner;
import dev.benchbook.fork.ForkRunner;
import dev.benchbook.harness.Harness;
import dev.benchbook.harness.JvmThreadSource;
import dev.benchbook.load.LoadRunner;
import dev.benchbook.metric.HardwareCounters;
import dev.benchbook.metric.MetricSource;
import dev.benchbook.process.ProcessRunner;
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
import java.util.ServiceLoader;

/**
 * How {@link Suite#run()} runs a validated spec: which runners may take its benchmarks (forks when
 * asked for, external processes for commands, this JVM otherwise or as the fallback), which metric
 * sources they read, and live progress in the notebook or on the console. The loop itself is the
 * {@link SuiteRunner}'s.
 */
final class SuiteExecution {
    private SuiteExecution() {}

    static RunResult run(SuiteSpec given, String factoryClass, boolean inProcessFallback, boolean quiet) {
        SuiteSpec spec = withArtifactFolder(given);
        SuiteSpec effective = spec;
        List<Runner> runners = new ArrayList<>();
        runners.add(new ProcessRunner());
        runners.add(new LoadRunner());
        if (spec.controls().forks() > 0) {
            ForkRunner fork = new ForkRunner(factoryClass);
            runners.add(fork);
            List<String> reasons = spec.benchmarks().stream().filter(b -> b.shape() != BenchmarkSpec.Shape.COMMAND
                    && b.shape() != BenchmarkSpec.Shape.LOAD)
                    .map(b -> fork.supports(spec, b)).filter(s -> !s.ok()).map(Runner.Support::reason).distinct()
                    .toList();
            if (!reasons.isEmpty() && !inProcessFallback) {
                throw new SuiteValidationException(spec.name(), List.of(new SpecProblem("forks",
                        String.valueOf(spec.controls().forks()), "cannot fork notebook-defined code: "
                                + String.join("; ", reasons),
                        "move the suite into a class implementing SuiteFactory on the classpath and run "
                                + "Bench.suite(MySuite.class).forks(n), or add .inProcessFallback() to run it in this JVM")));
            }
            if (!reasons.isEmpty()) {
                effective = spec.withControls(spec.controls().withForks(0));
                runners.remove(fork);
            }
        }
        if (effective.controls().forks() == 0) {
            runners.add(new Harness(Precision::relativeHalfWidth));
        }
        List<dev.benchbook.metric.MetricSource> sources = sources();
        if (spec.benchmarks().stream().anyMatch(b -> b.shape() == BenchmarkSpec.Shape.COMMAND)) {
            sources.add(0, ProcessRunner.limits());
        }
        SuiteRunner runner = new SuiteRunner(runners, sources, progress(effective, quiet));
        return runner.run(effective);
    }

    /**
     * A profiled spec's recordings go to the folder it names, else to a fresh folder for this run:
     * {@code <tmp>/benchbook-artifacts/<suite>-<yyyyMMdd-HHmmss>-<n>}.
     */
    static SuiteSpec withArtifactFolder(SuiteSpec spec) {
        var p = spec.controls().profile();
        if (!p.enabled() || !p.directory().isEmpty()) {
            return spec;
        }
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT)
                .format(java.time.LocalDateTime.now());
        java.nio.file.Path base = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "benchbook-artifacts");
        String prefix = spec.name().replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + stamp;
        java.nio.file.Path dir = base.resolve(prefix);
        for (int n = 2; java.nio.file.Files.exists(dir); n++) {
            dir = base.resolve(prefix + "-" + n);
        }
        return spec.withControls(spec.controls().withProfile(p.directory(dir)));
    }

    /** The metric sources of every run: service-loaded ones, hardware counters, and the JVM's counters (read innermost). */
    static List<MetricSource> sources() {
        List<MetricSource> sources = new ArrayList<>();
        ServiceLoader.load(MetricSource.class).forEach(sources::add);
        sources.add(HardwareCounters.INSTANCE);
        sources.add(JvmThreadSource.INSTANCE);
        return sources;
    }

    private static RunListener progress(SuiteSpec spec, boolean quiet) {
        if (quiet) {
            return RunListener.NONE;
        }
        return Notebook.sink().<RunListener>map(sink -> new NotebookProgress(sink, spec))
                .orElseGet(() -> new ConsoleProgress(System.err, spec));
    }
}
