package dev.benchbook.report;

import dev.benchbook.result.RunResult;
import dev.benchbook.table.CsvExport;
import dev.benchbook.table.ResultTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The report's tables as CSV files with full precision: {@code <suite>-summary.csv},
 * {@code <suite>-samples.csv} and, when there are findings, {@code <suite>-findings.csv}. Each file is
 * written atomically by {@link CsvExport}.
 */
public final class CsvReport {
    private CsvReport() {}

    /**
     * Writes the CSV files into {@code directory}, creating it if missing.
     *
     * @param findings findings to write, or {@code null} (or empty) to write none
     * @return the paths written, summary first
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static List<Path> write(RunResult result, Table findings, Path directory) {
        return write(dev.benchbook.analysis.RunSummary.of(result, List.of()), findings, directory);
    }

    /** Writes the CSV files of a computed summary; see {@link #write(RunResult, Table, Path)}. */
    public static List<Path> write(dev.benchbook.analysis.RunSummary summary, Table findings, Path directory) {
        RunResult result = summary.result();
        String base = fileSafe(result.suite().name());
        List<Path> out = new ArrayList<>();
        out.add(CsvExport.write(ResultTables.summary(summary), directory.resolve(base + "-summary.csv")));
        out.add(CsvExport.write(ResultTables.samples(result), directory.resolve(base + "-samples.csv")));
        if (findings != null && findings.rowCount() > 0) {
            out.add(CsvExport.write(findings, directory.resolve(base + "-findings.csv")));
        }
        return out;
    }

    /** {@code name} with every run of characters other than letters, digits, '.', '_' and '-' replaced by '_'. */
    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
