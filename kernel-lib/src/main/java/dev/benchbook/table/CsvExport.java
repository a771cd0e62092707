package dev.benchbook.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            table.write().csv(tmp.toFile());
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write CSV to " + target + ": " + e.getMessage()
                    + "; check that the directory is writable and the disk has room", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target is already in place or the error above is reported
                }
            }
        }
    }
}
