package dev.benchbook.kernel.magic;

import dev.benchbook.Results;
import dev.benchbook.kernel.CellException.MagicError;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The one line {@code %%bench} prints, read from the summary table's stable columns, e.g.
 * {@code 12.3 µs ± 0.2 µs (99.9% CI), 0 B/op, 50 iterations × 8,192 ops}.
 */
final class BenchSummary {
    /** The iteration count's column; {@link #N} is its older name. */
    static final String N_ITERATIONS = "n_iterations";
    static final String N = "n";

    private BenchSummary() {
    }

    /**
     * The summary line of the first (only) run of {@code results}.
     *
     * @throws MagicError when the benchmark failed or timed out, with its error
     */
    static String line(String magic, Results results) {
        Table summary = results.summary();
        if (summary.rowCount() == 0) {
            throw new MagicError(magic + ": the run produced no results");
        }
        Row row = summary.row(0);
        String status = summary.columnNames().contains("status") ? row.getString("status") : "ok";
        if (!status.equals("ok")) {
            String error = summary.columnNames().contains("error") ? row.getString("error") : "";
            throw new MagicError(magic + ": the benchmark " + status.replace('_', ' ') + ": " + error,
                    java.util.List.of("Run the code as an ordinary cell to see its stack trace."));
        }
        double mean = number(row, "mean_ns");
        double halfWidth = (number(row, "ci_high_ns") - number(row, "ci_low_ns")) / 2;
        String iterations = summary.columnNames().contains(N_ITERATIONS) ? N_ITERATIONS : N;
        return Units.timeWithError(mean, halfWidth) + " (" + Units.percent(number(row, "ci_level")) + " CI), "
                + Units.bytesPerOp(number(row, "alloc_bytes_per_op")) + ", "
                + Units.count((long) number(row, iterations)) + " iterations × "
                + Units.count((long) number(row, "batch_size")) + " ops";
    }

    private static double number(Row row, String column) {
        Object v = row.getObject(column);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
