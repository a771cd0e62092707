package dev.benchbook.engine;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.MetricSource;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.GitState;
import dev.benchbook.result.MetricSet;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SpecProblem;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.spec.SuiteValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a whole suite: every param combination (outermost) and benchmark, each handed to the first
 * runner that supports it. It owns the loop, the events and the environment, which it captures with
 * the git state when the run starts; runners only measure.
 */
public final class SuiteRunner {
    private final List<Runner> runners;
    private final List<MetricSource> sources;
    private final RunListener listener;
    private final Supplier<Environment> environment;
    private final Supplier<GitState> git;

    /**
     * A suite runner.
     *
     * @param runners the runners, in order of preference
     * @param sources metric sources every runner reads, besides the suite's own
     * @param listener hears every event
     * @param environment reads the environment when a run starts
     * @param git reads the git state when a run starts
     */
    public SuiteRunner(List<Runner> runners, List<MetricSource> sources, RunListener listener,
            Supplier<Environment> environment, Supplier<GitState> git) {
        this.runners = List.copyOf(runners);
        this.sources = List.copyOf(sources);
        this.listener = listener;
        this.environment = environment;
        this.git = git;
    }

    /** A suite runner on this JVM's environment and the working directory's git state. */
    public SuiteRunner(List<Runner> runners, List<MetricSource> sources, RunListener listener) {
        this(runners, sources, listener, Environment::current, GitProbe::ofWorkingDirectory);
    }

    /**
     * Which runner takes each benchmark of {@code spec}.
     *
     * @throws SuiteValidationException naming every benchmark that no runner supports, with each
     *     runner's reason
     */
    public Map<String, Runner> plan(SuiteSpec spec) {
        Map<String, Runner> plan = new LinkedHashMap<>();
        List<SpecProblem> problems = new ArrayList<>();
        for (BenchmarkSpec b : spec.benchmarks()) {
            List<String> reasons = new ArrayList<>();
            for (Runner r : runners) {
                Runner.Support s = r.supports(spec, b);
                if (s.ok()) {
                    plan.put(b.name(), r);
                    break;
                }
                reasons.add(r.id() + ": " + s.reason());
            }
            if (!plan.containsKey(b.name())) {
                problems.add(new SpecProblem("benchmark", "\"" + b.name() + "\"", "no runner can run it ("
                        + String.join("; ", reasons) + ")", fixFor(reasons)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SuiteValidationException(spec.name(), problems);
        }
        return plan;
    }

    /**
     * Runs {@code spec}. A benchmark that fails or times out is recorded and the suite goes on.
     *
     * @throws SuiteValidationException if some benchmark has no runner (nothing is run then)
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    public RunResult run(SuiteSpec spec) {
        Map<String, Runner> plan = plan(spec);
        GitState gitState = git.get();
        Environment env = environment.get();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<MetricSource> all = new ArrayList<>(sources);
        all.addAll(spec.metricSources());
        listener.onSuiteStart(spec.describe());
        List<BenchmarkRun> runs = new ArrayList<>();
        List<ParamSet> sets = spec.paramSets();
        int planned = spec.controls().plannedIterations() * Math.max(1, spec.controls().forks());
        for (int p = 0; p < sets.size(); p++) {
            for (BenchmarkSpec bench : spec.benchmarks()) {
                listener.onBenchmarkStart(bench.name(), sets.get(p), planned);
                BenchmarkRun run = plan.get(bench.name()).run(new RunRequest(spec, bench, sets.get(p), p, all), listener);
                runs.add(run);
                listener.onBenchmarkEnd(run);
            }
        }
        RunResult result = new RunResult(spec.describe(), env, gitState, started,
                Duration.ofNanos(System.nanoTime() - t0), runs, metricSet(runs, all, runners));
        listener.onSuiteEnd(result);
        return result;
    }

    private static MetricSet metricSet(List<BenchmarkRun> runs, List<MetricSource> sources, List<Runner> runners) {
        List<Metric> known = new ArrayList<>(Metrics.BUILT_IN);
        for (Runner r : runners) {
            known.addAll(r.metrics());
        }
        Map<String, String> unsupported = new LinkedHashMap<>();
        for (MetricSource s : sources) {
            known.addAll(s.metrics());
            s.unsupported().forEach(unsupported::putIfAbsent);
        }
        return MetricSet.inferred(runs, known, unsupported);
    }

    private static String fixFor(List<String> reasons) {
        return reasons.stream().anyMatch(r -> r.contains("SuiteFactory"))
                ? "move the suite into a class implementing SuiteFactory on the classpath and run "
                        + "Bench.suite(MySuite.class).forks(n), or add .inProcessFallback() to run it in this JVM"
                : "change the benchmark or the run controls as the reasons say";
    }
}
