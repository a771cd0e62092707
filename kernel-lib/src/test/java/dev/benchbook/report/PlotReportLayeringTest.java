package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Plots and reports sit on top: nothing below imports them, plots never import reports or the harness. */
class PlotReportLayeringTest {
    private static final Path SRC = Path.of("src/main/java/dev/benchbook");
    private static final List<String> TOP = List.of("dev.benchbook.plot", "dev.benchbook.report");

    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "spec", TOP, "harness", TOP, "result", TOP, "stats", TOP, "table", TOP, "display", TOP,
            "plot", List.of("dev.benchbook.report", "dev.benchbook.harness"),
            "report", List.of("dev.benchbook.harness"));

    @Test
    void lowerLayersNeverImportPlotsOrReports() throws IOException {
        StringBuilder violations = new StringBuilder();
        for (var e : FORBIDDEN.entrySet()) {
            Path dir = SRC.resolve(e.getKey());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        for (String bad : e.getValue()) {
                            if (line.startsWith("import ") && (line.contains(" " + bad + ".")
                                    || line.contains("static " + bad + "."))) {
                                violations.append(f).append(": ").append(line).append('\n');
                            }
                        }
                    }
                }
            }
        }
        assertEquals("", violations.toString());
    }
}
