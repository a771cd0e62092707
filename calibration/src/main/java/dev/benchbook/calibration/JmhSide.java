package dev.benchbook.calibration;

import dev.benchbook.calibration.report.Comparison;
import dev.benchbook.calibration.report.Measurement;
import dev.benchbook.calibration.report.TimeModel;
import dev.benchbook.calibration.report.Tool;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one workload's JMH benchmark through JMH's {@link Runner}: AverageTime in ns, forked, with
 * the fork JVM arguments JMH chooses (it inherits the launcher's and adds its compiler hints).
 */
final class JmhSide {
    /**
     * How long each JMH run is.
     *
     * @param warmupIterations warmup iterations per fork
     * @param warmupTime one warmup iteration
     * @param iterations measurement iterations per fork
     * @param iterationTime one measurement iteration
     * @param forks forks per run
     */
    record Settings(int warmupIterations, TimeValue warmupTime, int iterations, TimeValue iterationTime, int forks) {
        /** The calibration's: 3 × 1 s warmup, 5 × 1 s measurement, 1 fork per round. */
        static final Settings CALIBRATION = new Settings(3, TimeValue.seconds(1), 5, TimeValue.seconds(1), 1);
        /** For development only: 1 × 200 ms warmup, 3 × 200 ms measurement (JMH needs 3 for an error), 1 fork. */
        static final Settings QUICK = new Settings(1, TimeValue.milliseconds(200), 3, TimeValue.milliseconds(200), 1);

        /** The iterations' time in one run, without fork start-up, s. */
        double iterationSeconds() {
            return forks * (warmupIterations * seconds(warmupTime) + iterations * seconds(iterationTime));
        }

        String describe() {
            return forks + " fork × (" + warmupIterations + " warmup × " + warmupTime + " + " + iterations
                    + " measurement × " + iterationTime + ")";
        }
    }

    /**
     * One JMH run's outcome.
     *
     * @param measurement the figure, with the run's wall time
     * @param forkOverheadSeconds wall time beyond the iterations, per fork, s
     * @param forkJvmArgs the JVM arguments JMH gave the fork
     * @param jvm the fork's JVM, as JMH reports it
     */
    record Outcome(Measurement measurement, double forkOverheadSeconds, List<String> forkJvmArgs, String jvm) {}

    private final Settings settings;
    private final Path logDirectory;

    JmhSide(Settings settings, Path logDirectory) {
        this.settings = settings;
        this.logDirectory = logDirectory;
    }

    Settings settings() {
        return settings;
    }

    /** Runs {@code w}'s JMH benchmark once; JMH's own output goes to a log file per run. */
    Outcome run(Workload w, int round) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(w.jmhBenchmark()) + "$")
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(settings.warmupTime())
                .measurementIterations(settings.iterations())
                .measurementTime(settings.iterationTime())
                .forks(settings.forks())
                .shouldFailOnError(true)
                .output(logDirectory.resolve("round" + round + "-" + w.id() + ".log").toString());
        for (Map.Entry<String, String> p : w.jmhParams().entrySet()) {
            options.param(p.getKey(), p.getValue());
        }
        long t0 = System.nanoTime();
        Collection<RunResult> results = new Runner(options.build()).run();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (results.size() != 1) {
            throw new RunnerException("JMH ran " + results.size() + " benchmarks for " + w.jmhBenchmark()
                    + " " + w.jmhParams() + "; expected exactly 1");
        }
        RunResult rr = results.iterator().next();
        Result<?> primary = rr.getPrimaryResult();
        if (!"ns/op".equals(primary.getScoreUnit())) {
            throw new RunnerException("JMH reported " + w.id() + " in " + primary.getScoreUnit() + ", expected ns/op");
        }
        double[] ci = primary.getScoreConfidence();
        double[] iterations = rr.getBenchmarkResults().stream()
                .flatMap(b -> b.getIterationResults().stream())
                .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray();
        var m = new Measurement(w.id(), Tool.JMH, round, primary.getScore(), ci[0], ci[1],
                (int) primary.getStatistics().getN(), "fixed", wall, Double.NaN, Comparison.earlyDrift(iterations),
                Double.NaN);
        return new Outcome(m, (wall - settings.iterationSeconds()) / settings.forks(),
                List.copyOf(rr.getParams().getJvmArgs()), rr.getParams().getJvm() + " " + rr.getParams().getVmVersion());
    }

    /** JMH's default run, from JMH's own {@link Defaults}, with the given measured per-fork overhead. */
    static TimeModel defaultRun(double forkOverheadSeconds) {
        return new TimeModel(Defaults.MEASUREMENT_FORKS, Defaults.WARMUP_ITERATIONS, seconds(Defaults.WARMUP_TIME),
                Defaults.MEASUREMENT_ITERATIONS, seconds(Defaults.MEASUREMENT_TIME), forkOverheadSeconds);
    }

    private static double seconds(TimeValue t) {
        return t.convertTo(TimeUnit.NANOSECONDS) / 1e9;
    }
}
