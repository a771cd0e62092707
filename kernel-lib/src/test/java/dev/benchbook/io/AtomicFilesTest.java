package dev.benchbook.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesWholeFileReadableByAllAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = AtomicFiles.writeString(dir.resolve("a/b/report.txt"), "hello", "test file");
        assertEquals("hello", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void failedWriteKeepsTheOldFileAndNamesWhatFailed(@TempDir Path dir) throws IOException {
        Path file = AtomicFiles.writeString(dir.resolve("report.txt"), "old", "test file");
        var e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }, "HTML report"));
        assertTrue(e.getMessage().startsWith("could not write the HTML report to " + file.toAbsolutePath()), e.getMessage());
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("old", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }
}
