package dev.benchbook.harness;

import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.engine.Runner;
import dev.benchbook.engine.SuiteRunner;
import dev.benchbook.metric.MetricSource;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.SuiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The in-process runner: measures a benchmark in this JVM, on a fresh thread, so that a run that
 * exceeds its timeout can be stopped without taking the caller down; the caller waits for it. A
 * failure or a timeout is recorded in the run and the suite goes on.
 */
public final class Harness implements Runner {
    /** This runner's id. */
    public static final String ID = "in-process";
    /** How long a timed-out run gets to notice its cancellation before it is stopped by force. */
    static final long GRACE_MS = 500;

    private final Clock clock;
    private final List<MetricSource> ownSources;
    private final PrecisionEstimator precision;
    private final CompilerActivity jit;

    /** A harness on the system clock, the JVM's counters and its JIT. */
    public Harness(PrecisionEstimator precision) {
        this(Clock.SYSTEM, List.of(JvmThreadSource.INSTANCE), precision, CompilerActivity.jvm());
    }

    /**
     * A harness with the given clock, metric sources for {@link #run(SuiteSpec, RunListener)},
     * precision estimate for adaptive runs, and JIT activity for adaptive warmup.
     */
    public Harness(Clock clock, List<MetricSource> sources, PrecisionEstimator precision, CompilerActivity jit) {
        this.clock = clock;
        this.ownSources = List.copyOf(sources);
        this.precision = precision;
        this.jit = jit;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Support supports(SuiteSpec spec, BenchmarkSpec bench) {
        if (bench.shape() == BenchmarkSpec.Shape.COMMAND) {
            return Support.no("an external command runs as a process, not in this JVM");
        }
        if (bench.shape() == BenchmarkSpec.Shape.LOAD) {
            return Support.no("a load benchmark runs as load runs, not as timed batches");
        }
        if (!spec.controls().jvmArgs().isEmpty()) {
            return Support.no("jvmArgs " + spec.controls().jvmArgs() + " need a fresh JVM; add .forks(1) or more");
        }
        return Support.YES;
    }

    /** Runs a whole suite in this JVM: a {@link SuiteRunner} with this runner alone, its sources and {@code listener}. */
    public RunResult run(SuiteSpec spec, RunListener listener) {
        return new SuiteRunner(List.of(this), ownSources, listener).run(spec);
    }

    /**
     * Runs one benchmark at one param combination on a fresh thread, within the suite's timeout.
     *
     * @throws CancellationException if the calling thread is interrupted
     */
    @Override
    public BenchmarkRun run(RunRequest request, RunListener listener) {
        SuiteSpec spec = request.suite();
        // The JVM's allocation counter is read innermost, so no other probe's reading falls in its window.
        List<MetricSource> sources = new ArrayList<>(request.metricSources());
        if (sources.remove(JvmThreadSource.INSTANCE)) {
            sources.add(JvmThreadSource.INSTANCE);
        }
        RunListener heard = ProfileRecorder.around(request, listener);
        var execution = new BenchmarkExecution(spec, request.bench(), request.params(), clock, sources, heard,
                precision, jit);
        ProfileRecorder.watch(heard, execution::helperThreads);
        Thread worker = new Thread(execution::execute, "benchbook " + spec.name() + "/" + request.bench().name());
        worker.setDaemon(true);
        long timeoutMs = Math.max(1, spec.controls().timeout().toMillis());
        worker.start();
        try {
            worker.join(timeoutMs);
            if (worker.isAlive()) {
                execution.cancel();
                worker.join(GRACE_MS);
                execution.helperThreads().stream().filter(Thread::isAlive).forEach(Harness::forceStop);
                if (worker.isAlive()) {
                    forceStop(worker);
                    worker.join(GRACE_MS);
                }
                return ProfileRecorder.attach(heard, execution.result(Status.TIMED_OUT, "exceeded timeout " + spec.controls().timeout()
                        + " after " + execution.completedIterations() + " iterations"
                        + "; raise .timeout(...) or lower the work per invocation"));
            }
        } catch (InterruptedException e) {
            execution.cancel();
            execution.helperThreads().forEach(Harness::forceStop);
            forceStop(worker);
            Thread.currentThread().interrupt();
            throw new CancellationException("suite '" + spec.name() + "' was interrupted during " + request.label());
        }
        return ProfileRecorder.attach(heard, execution.result());
    }

    /**
     * Stops a thread that ignored cancellation, which is the only way to end a busy loop in user
     * code. {@code Thread.stop} works up to JDK 19; on later JDKs the thread is left to finish as a
     * daemon and the run is still reported as timed out.
     */
    @SuppressWarnings("removal")
    private static void forceStop(Thread worker) {
        try {
            Thread.class.getMethod("stop").invoke(worker);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Unsupported on this JDK: the daemon thread is abandoned.
        }
    }
}
