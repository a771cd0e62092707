package dev.benchbook.progress;

import dev.benchbook.engine.RunListener;
import dev.benchbook.plot.TimeScale;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.stats.Descriptive;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on a console: a bar redrawn in place with a carriage return, and one line per finished
 * run. Written to a {@link PrintStream} (standard error by default) so that machine output on
 * standard output stays clean.
 */
public final class ConsoleProgress implements RunListener {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final ProgressModel model;
    private long lastUpdateNs;

    /** Progress for {@code spec}, written to {@code out}. */
    public ConsoleProgress(PrintStream out, SuiteSpec spec) {
        this.out = out;
        this.model = new ProgressModel(spec);
    }

    @Override
    public String id() {
        return "console-progress";
    }

    @Override
    public void onBenchmarkStart(String benchmark, ParamSet params, int plannedIterations) {
        model.start(benchmark, params, plannedIterations);
        bar();
    }

    @Override
    public void onIteration(String benchmark, ParamSet params, IterationSample sample) {
        model.iteration();
        long now = System.nanoTime();
        if (now - lastUpdateNs >= NotebookProgress.MIN_UPDATE_MS * 1_000_000) {
            lastUpdateNs = now;
            bar();
        }
    }

    @Override
    public void onBenchmarkEnd(BenchmarkRun run) {
        model.end(run);
        out.print("\r\033[2K");
        out.printf(Locale.ROOT, "%s %-40s %-10s %12s n=%d %s%n", model.suite(), model.current(), run.status().label(),
                mean(run), run.measured().size(), run.stopReason().label());
        out.flush();
    }

    private void bar() {
        int filled = (int) Math.round(WIDTH * (double) model.iterationsDone() / Math.max(1, model.iterationsPlanned()));
        out.print("\r\033[2K[" + "#".repeat(Math.min(WIDTH, filled)) + " ".repeat(Math.max(0, WIDTH - filled)) + "] "
                + (model.finished().size() + 1) + "/" + model.totalRuns() + " " + model.current() + "  ~"
                + ProgressModel.seconds(model.etaSeconds()) + " left");
        out.flush();
    }

    /** The mean of a run with a unit chosen for reading, e.g. {@code 12.35 µs}; empty without samples. */
    static String mean(BenchmarkRun run) {
        double ns = Descriptive.of(run.wallNsPerOp()).mean();
        return Double.isNaN(ns) ? "" : TimeScale.forNanos(ns).format(ns);
    }
}
