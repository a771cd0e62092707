package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a golden file under {@code src/test/resources/golden/}. On a mismatch the actual
 * text is written to {@code target/golden-actual/} so that a reviewed change can be copied over.
 */
final class Golden {
    private Golden() {}

    static void assertMatches(String name, String actual) {
        String expected;
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            expected = in == null ? "<missing golden file src/test/resources/golden/" + name + ">"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!expected.equals(actual)) {
            Path out = Path.of("target", "golden-actual", name);
            try {
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertEquals(expected, actual, "golden file " + name + " differs; the actual text is in "
                    + out.toAbsolutePath()
                    + ": review it and copy it to src/test/resources/golden/" + name + " if the change is intended");
        }
    }
}
