package dev.benchbook.fork;

import dev.benchbook.codec.RunJson;
import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.harness.Harness;
import dev.benchbook.harness.JvmThreadSource;
import dev.benchbook.metric.MetricSource;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.stats.Precision;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The child side of a fork: reads its request from stdin (four lines: the factory class, the
 * benchmark name, the param combination's index, the run controls as run-format JSON, and optionally the
 * combination itself, which then wins over the index), builds the
 * suite from its factory, runs that one benchmark in this fresh JVM and streams every sample and
 * then the run to the parent on stdout, one protocol line each ({@value #PREFIX}). Everything the
 * benchmark itself prints goes to stderr.
 *
 * <p>Exit codes: 0 the run was reported (it may still be a failed benchmark); 2 a bad request;
 * 3 the suite could not be built.
 */
public final class ForkMain {
    /** What starts every protocol line; other lines on stdout are the JVM's own output. */
    public static final String PREFIX = "\u0001benchbook ";

    private ForkMain() {}

    /** Runs the fork; see the class description for the protocol and exit codes. */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        List<String> request = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; request.size() < 5 && (line = in.readLine()) != null; ) {
                request.add(line);
            }
        }
        if (request.size() < 4) {
            System.err.println("benchbook fork: expected 4 or 5 request lines on stdin (factory, benchmark, param index, "
                    + "controls, the combination), got " + request.size());
            System.exit(2);
        }
        SuiteSpec spec;
        BenchmarkSpec bench;
        ParamSet params;
        int index;
        try {
            RunControls controls = RunJson.parseControls(request.get(3), "fork request");
            SuiteSpec built = build(request.get(0), controls);
            spec = built;
            bench = built.benchmark(request.get(1)).orElseThrow(() -> new IllegalArgumentException("benchmark \""
                    + request.get(1) + "\" is not in suite '" + built.name() + "' built by " + request.get(0)));
            index = Integer.parseInt(request.get(2));
            if (request.size() == 5) {
                // The parent's combination, which may hold values the factory does not declare (a CLI override).
                params = RunJson.parseParams(request.get(4), "fork request");
                spec = withOnly(spec, params);
            } else {
                params = spec.paramSets().get(index);
            }
        } catch (Exception | LinkageError e) {
            System.err.println("benchbook fork failed: " + e);
            System.exit(3);
            return;
        }
        PerfControl perf;
        try {
            perf = PerfControl.fromProperties();
        } catch (java.io.IOException e) {
            System.err.println("benchbook fork: cannot open perf's control fifos: " + e);
            System.exit(3);
            return;
        }
        RunListener stream = new RunListener() {
            @Override
            public void onMeasurementStart(String benchmark, ParamSet p) {
                if (perf != null) {
                    perf.onMeasurementStart(benchmark, p);
                }
            }

            @Override
            public void onMeasurementEnd(String benchmark, ParamSet p) {
                if (perf != null) {
                    perf.onMeasurementEnd(benchmark, p);
                }
            }

            @Override
            public void onIteration(String benchmark, ParamSet p, IterationSample sample) {
                protocol.print(PREFIX + "sample " + RunJson.sampleLine(sample) + "\n");
                protocol.flush();
            }
        };
        List<MetricSource> sources = new ArrayList<>(spec.metricSources());
        ServiceLoader.load(MetricSource.class).forEach(sources::add);
        sources.add(JvmThreadSource.INSTANCE);
        BenchmarkRun run = new Harness(Precision::relativeHalfWidth).run(new RunRequest(spec, bench, params, index,
                sources), stream);
        protocol.print(PREFIX + "run " + RunJson.runLine(run) + "\n");
        protocol.flush();
        System.exit(0);
    }

    /** {@code spec} declaring just the values of {@code params}, one per param. */
    static SuiteSpec withOnly(SuiteSpec spec, ParamSet params) {
        List<dev.benchbook.spec.ParamSpec> only = new ArrayList<>();
        params.values().forEach((name, v) -> only.add(new dev.benchbook.spec.ParamSpec(name, List.of(v))));
        return new SuiteSpec(spec.name(), spec.description(), only, spec.benchmarks(), spec.setup(), spec.teardown(),
                spec.controls(), spec.checks(), spec.baseline(), spec.metricSources());
    }

    static SuiteSpec build(String factoryClass, RunControls controls) throws ReflectiveOperationException {
        Class<?> type = Class.forName(factoryClass);
        SuiteFactory factory = (SuiteFactory) type.getConstructor().newInstance();
        return factory.create().withControls(controls.withForks(0));
    }
}
