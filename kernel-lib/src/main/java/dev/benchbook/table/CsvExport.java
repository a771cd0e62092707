package dev.benchbook.table;

import dev.benchbook.io.AtomicFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** Writes tables as CSV files atomically: a reader sees the old file or the whole new one. */
public final class CsvExport {
    private CsvExport() {}

    /**
     * Writes {@code table} to {@code file} as CSV with a header row, through a temporary file in the
     * same directory that is then moved into place. Missing parent directories are created.
     *
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written; no partial file is left behind
     */
    public static Path write(Table table, Path file) {
        return AtomicFiles.write(file, tmp -> table.write().csv(tmp.toFile()), "CSV file");
    }
}
