package dev.benchbook.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a text file through a temporary file in the same directory that is then moved into place. */
final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Writes {@code content} as UTF-8 to {@code file}, creating missing parent directories.
     *
     * @return {@code file}
     * @throws UncheckedIOException if it cannot be written; no partial or temporary file is left behind
     */
    static Path write(Path file, String content, String what) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the " + what + " to " + target + ": " + e
                    + "; check that the directory is writable and the disk has room", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target is in place or the error above is reported
                }
            }
        }
    }
}
