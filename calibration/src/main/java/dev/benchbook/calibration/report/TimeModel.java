package dev.benchbook.calibration.report;

import java.util.Locale;

/**
 * The wall time of one JMH run at JMH's defaults, computed rather than run.
 *
 * @param forks measurement forks
 * @param warmupIterations warmup iterations per fork
 * @param warmupSeconds duration of one warmup iteration, s
 * @param measurementIterations measurement iterations per fork
 * @param measurementSeconds duration of one measurement iteration, s
 * @param forkOverheadSeconds what one fork costs beyond its iterations (JVM start, setup, iteration
 *     overrun, teardown), s, as measured on the calibration's own JMH runs
 */
public record TimeModel(int forks, int warmupIterations, double warmupSeconds, int measurementIterations,
        double measurementSeconds, double forkOverheadSeconds) {

    /** The iteration time of all forks, without fork overhead, s. */
    public double iterationSeconds() {
        return forks * (warmupIterations * warmupSeconds + measurementIterations * measurementSeconds);
    }

    /** The whole run, s. */
    public double totalSeconds() {
        return iterationSeconds() + forks * forkOverheadSeconds;
    }

    /** The formula with its numbers, for the report. */
    public String describe() {
        return String.format(Locale.ROOT, "%d forks × (%d warmup × %s s + %d measurement × %s s) = %s s"
                        + " + %d × %.2f s fork overhead = %.1f s",
                forks, warmupIterations, trim(warmupSeconds), measurementIterations, trim(measurementSeconds),
                trim(iterationSeconds()), forks, forkOverheadSeconds, totalSeconds());
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
