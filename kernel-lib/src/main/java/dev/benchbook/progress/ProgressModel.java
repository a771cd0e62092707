package dev.benchbook.progress;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a progress display shows, kept up to date from listener events: the run in progress, its
 * iterations out of the most it may take, the runs finished, and an estimate of the time left.
 * Not thread-safe by itself; the listeners call it from the measuring thread only.
 */
final class ProgressModel {
    private final String suite;
    private final int totalRuns;
    private final RunControls controls;
    private final long startNs = System.nanoTime();
    private final List<BenchmarkRun> finished = new ArrayList<>();
    private String benchmark = "";
    private ParamSet params = ParamSet.EMPTY;
    private int done;
    private int planned;
    private long runStartNs;
    private double measuredNsSum;
    private int measuredCount;

    ProgressModel(SuiteSpec spec) {
        this.suite = spec.name();
        this.totalRuns = spec.benchmarks().size() * spec.paramSets().size();
        this.controls = spec.controls();
    }

    void start(String name, ParamSet p, int plannedIterations) {
        benchmark = name;
        params = p;
        done = 0;
        planned = plannedIterations;
        runStartNs = System.nanoTime();
    }

    void iteration() {
        done++;
    }

    void end(BenchmarkRun run) {
        finished.add(run);
        measuredNsSum += System.nanoTime() - runStartNs;
        measuredCount++;
        done = 0;
    }

    String suite() {
        return suite;
    }

    List<BenchmarkRun> finished() {
        return finished;
    }

    int totalRuns() {
        return totalRuns;
    }

    /** E.g. {@code arrays.sort [size=1000]}. */
    String current() {
        return benchmark + (params.values().isEmpty() ? "" : " [" + params + "]");
    }

    int iterationsDone() {
        return done;
    }

    int iterationsPlanned() {
        return planned;
    }

    boolean allDone() {
        return finished.size() >= totalRuns;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNs) / 1e9;
    }

    /**
     * Seconds left: the average duration of finished runs times the runs left; before any run
     * has finished, the current run's pace times its planned iterations. An adaptive run usually
     * stops well before its cap, so the first estimate errs long.
     */
    double etaSeconds() {
        int left = totalRuns - finished.size();
        if (measuredCount > 0) {
            double perRun = measuredNsSum / measuredCount / 1e9;
            double current = (System.nanoTime() - runStartNs) / 1e9;
            return Math.max(0, perRun * left - Math.min(current, perRun));
        }
        double perIteration = done == 0 ? controls.iterationTime().toNanos() / 1e9
                : (System.nanoTime() - runStartNs) / 1e9 / done;
        return perIteration * (Math.max(0, planned - done) + (double) planned * Math.max(0, left - 1));
    }

    static String seconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0f s", Math.ceil(s));
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
}
