package dev.benchbook.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JMH package depends only on result, spec, stats, Jackson and the JDK: never on harness or tables. */
class JmhLayeringTest {
    private static final List<String> ALLOWED = List.of("java.", "com.fasterxml.jackson.", "dev.benchbook.result.",
            "dev.benchbook.spec.", "dev.benchbook.stats.", "dev.benchbook.jmh.", "dev.benchbook.io.");

    @Test
    void importsOnlyResultSpecStatsIoAndJackson() throws IOException {
        StringBuilder violations = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/benchbook/jmh"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ")) {
                        String name = line.replaceFirst("^import (static )?", "");
                        if (ALLOWED.stream().noneMatch(name::startsWith)) {
                            violations.append(f.getFileName()).append(": ").append(line).append('\n');
                        }
                    }
                }
            }
        }
        assertEquals("", violations.toString());
    }
}
