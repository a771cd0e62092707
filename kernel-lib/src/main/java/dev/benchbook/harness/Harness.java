package dev.benchbook.harness;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Runs every benchmark of a suite at every param combination, in this JVM, one after another.
 *
 * <p>Each benchmark run happens on its own fresh thread so that a run that exceeds its timeout can
 * be stopped without taking the caller down; the caller waits for it. A failure or a timeout is
 * recorded in the result and the suite goes on.
 */
public final class Harness {
    /** How long a timed-out run gets to notice its cancellation before it is stopped by force. */
    static final long GRACE_MS = 500;

    private final Clock clock;
    private final ThreadMetrics metrics;
    private final RunListener listener;
    private final PrecisionEstimator precision;

    /** A harness on the system clock and the JVM's counters. */
    public Harness(PrecisionEstimator precision, RunListener listener) {
        this(Clock.SYSTEM, ThreadMetrics.jvm(), listener, precision);
    }

    /** A harness with the given clock, counters, listener and precision estimate for adaptive runs. */
    public Harness(Clock clock, ThreadMetrics metrics, RunListener listener, PrecisionEstimator precision) {
        this.clock = clock;
        this.metrics = metrics;
        this.listener = listener;
        this.precision = precision;
    }

    /**
     * Runs {@code spec}, param combinations outermost, benchmarks in declaration order.
     *
     * @throws CancellationException if the calling thread is interrupted; the current benchmark is
     *     stopped first
     */
    public RunResult run(SuiteSpec spec) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<BenchmarkRun> runs = new ArrayList<>();
        for (ParamSet params : spec.paramSets()) {
            for (BenchmarkSpec bench : spec.benchmarks()) {
                BenchmarkRun run = runOne(spec, bench, params);
                runs.add(run);
                listener.onBenchmarkEnd(run);
            }
        }
        return new RunResult(spec.describe(), Environment.current(), started,
                Duration.ofNanos(System.nanoTime() - t0), runs);
    }

    /**
     * Runs one benchmark of {@code spec} at one param combination, on a fresh thread, within the
     * suite's timeout.
     *
     * @throws CancellationException if the calling thread is interrupted
     */
    public BenchmarkRun runOne(SuiteSpec spec, BenchmarkSpec bench, ParamSet params) {
        var execution = new BenchmarkExecution(spec, bench, params, clock, metrics, listener, precision);
        Thread worker = new Thread(execution::execute, "benchbook " + spec.name() + "/" + bench.name());
        worker.setDaemon(true);
        long timeoutMs = Math.max(1, spec.controls().timeout().toMillis());
        worker.start();
        try {
            worker.join(timeoutMs);
            if (worker.isAlive()) {
                execution.cancel();
                worker.join(GRACE_MS);
                if (worker.isAlive()) {
                    forceStop(worker);
                    worker.join(GRACE_MS);
                }
                return execution.result(Status.TIMED_OUT, "exceeded timeout " + spec.controls().timeout()
                        + " after " + execution.completedIterations() + " iterations"
                        + "; raise .timeout(...) or lower the work per invocation");
            }
        } catch (InterruptedException e) {
            execution.cancel();
            forceStop(worker);
            Thread.currentThread().interrupt();
            throw new CancellationException("suite '" + spec.name() + "' was interrupted during "
                    + bench.name() + (params.values().isEmpty() ? "" : " [" + params + "]"));
        }
        return execution.result();
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
