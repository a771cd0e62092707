package dev.benchbook.calibration;

import dev.benchbook.Results;
import dev.benchbook.Suite;
import dev.benchbook.calibration.report.Comparison;
import dev.benchbook.calibration.report.Measurement;
import dev.benchbook.calibration.report.Tool;
import dev.benchbook.result.Status;
import dev.benchbook.table.Columns;
import java.nio.file.Path;
import java.time.Duration;
import tech.tablesaw.api.Table;

/**
 * Runs one workload's Benchbook suite in this JVM, at Benchbook's defaults: adaptive stopping at a
 * ±2% target with 99.9% confidence, within its iteration and time caps.
 */
final class BenchbookSide {
    private final Duration quickMaxTime;
    private final Path csvDirectory;

    /**
     * @param quickMaxTime a development-only cap on the measuring phase, or null for the default
     * @param csvDirectory where each run's summary and per-iteration samples go, as {@code
     *     round<R>/<suite>-summary.csv} and {@code round<R>/<suite>-samples.csv}
     */
    BenchbookSide(Duration quickMaxTime, Path csvDirectory) {
        this.quickMaxTime = quickMaxTime;
        this.csvDirectory = csvDirectory;
    }

    /**
     * Runs {@code w}'s suite once and reads its summary row.
     *
     * @throws IllegalStateException if the benchmark failed or timed out
     */
    Measurement run(Workload w, int round) {
        Suite<?> suite = w.benchbook().get();
        if (quickMaxTime != null) {
            suite.maxTime(quickMaxTime);
        }
        Results r = suite.run();
        r.writeCsv(csvDirectory.resolve("round" + round));
        Table t = r.summary();
        if (t.rowCount() != 1) {
            throw new IllegalStateException("Benchbook suite for " + w.id() + " has " + t.rowCount()
                    + " summary rows; expected 1");
        }
        String status = t.stringColumn(Columns.STATUS).get(0);
        if (!Status.OK.label().equals(status)) {
            throw new IllegalStateException("Benchbook " + w.id() + " " + status + ": "
                    + t.stringColumn(Columns.ERROR).get(0));
        }
        return new Measurement(w.id(), Tool.BENCHBOOK, round,
                t.doubleColumn(Columns.MEAN_NS).get(0),
                t.doubleColumn(Columns.CI_LOW_NS).get(0),
                t.doubleColumn(Columns.CI_HIGH_NS).get(0),
                t.intColumn(Columns.N_ITERATIONS).get(0),
                t.stringColumn(Columns.STOP_REASON).get(0),
                r.result().elapsed().toNanos() / 1e9, Double.NaN,
                Comparison.earlyDrift(r.result().runs().get(0).wallNsPerOp()),
                t.doubleColumn(Columns.CPU_NS).get(0) / t.doubleColumn(Columns.MEAN_NS).get(0));
    }
}
