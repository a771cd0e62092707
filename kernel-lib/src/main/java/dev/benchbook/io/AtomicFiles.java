package dev.benchbook.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files through a temporary file in the same directory that is then moved into place, so a
 * reader sees the old file or the whole new one, never part of it.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Temporary files are created owner-only; a report or export is meant to be shared, so it gets the
     * usual rw-r--r-- where the file system has POSIX permissions.
     */
    private static void readableByAll(Path tmp) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Fills a temporary file; it may throw, and then the target is left untouched. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code tmp}. */
        void writeTo(Path tmp) throws IOException;
    }

    /**
     * Writes {@code text} as UTF-8 to {@code file}, creating missing parent directories.
     *
     * @param what what the file is, for the error message, e.g. {@code "HTML report"}
     * @return {@code file}
     * @throws UncheckedIOException if it cannot be written; no partial or temporary file is left behind
     */
    public static Path writeString(Path file, String text, String what) {
        return write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8), what);
    }

    /**
     * Writes {@code file} with {@code content}, creating missing parent directories.
     *
     * @param what what the file is, for the error message
     * @return {@code file}
     * @throws UncheckedIOException if it cannot be written; no partial or temporary file is left behind
     */
    public static Path write(Path file, Content content, String what) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            content.writeTo(tmp);
            readableByAll(tmp);
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
