package dev.benchbook.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layers point one way: spec → harness → result → stats → analysis → table/plot/report → the Bench
 * facade. The fork package sits beside the harness and only builds suites through the facade's Suite.
 */
class LayeringTest {
    private static final Path SRC = Path.of("src/main/java/dev/benchbook");

    /** Package → imports it must never have. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "spec", List.of("tech.tablesaw", "dev.benchbook.harness", "dev.benchbook.result", "dev.benchbook.stats",
                    "dev.benchbook.table", "dev.benchbook.Bench", "dev.benchbook.Suite", "dev.benchbook.Results"),
            "harness", List.of("tech.tablesaw", "dev.benchbook.table", "dev.benchbook.stats", "dev.benchbook.display",
                    "dev.benchbook.Suite", "dev.benchbook.Results"),
            "result", List.of("tech.tablesaw", "dev.benchbook.harness", "dev.benchbook.table", "dev.benchbook.stats"),
            "stats", List.of("tech.tablesaw", "dev.benchbook.harness", "dev.benchbook.table", "dev.benchbook.spec"),
            "table", List.of("dev.benchbook.Suite", "dev.benchbook.Results", "dev.benchbook.Bench"),
            "display", List.of("dev.benchbook.harness", "dev.benchbook.result", "dev.benchbook.table"),
            "analysis", List.of("tech.tablesaw", "dev.benchbook.table", "dev.benchbook.plot", "dev.benchbook.report",
                    "dev.benchbook.Suite", "dev.benchbook.Results"),
            "plot", List.of("dev.benchbook.Suite", "dev.benchbook.Results", "dev.benchbook.Bench", "dev.benchbook.report"),
            "report", List.of("dev.benchbook.Suite", "dev.benchbook.Results", "dev.benchbook.Bench"),
            "fork", List.of("tech.tablesaw", "dev.benchbook.table", "dev.benchbook.plot", "dev.benchbook.report",
                    "dev.benchbook.Results"));

    @Test
    void packagesOnlyImportLowerLayers() throws IOException {
        StringBuilder violations = new StringBuilder();
        for (var e : FORBIDDEN.entrySet()) {
            try (Stream<Path> files = Files.walk(SRC.resolve(e.getKey()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (line.startsWith("import ")) {
                            for (String bad : e.getValue()) {
                                if (line.contains(" " + bad) || line.contains("static " + bad)) {
                                    violations.append(f).append(": ").append(line).append('\n');
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals("", violations.toString());
    }
}
