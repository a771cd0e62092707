package dev.benchbook.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layers point one way, by an allow-list: every package has a rank, and code may refer only to
 * packages of a lower rank (or its own). A package without a rank fails the build, so a new room is
 * placed on purpose. Third-party libraries are allowed per package. References are found in imports
 * and in fully qualified names in code alike; comments are not code.
 */
class LayeringTest {
    private static final Path SRC = Path.of("src/main/java/dev/benchbook");
    /** The facade: the classes directly in {@code dev.benchbook}. */
    private static final String FACADE = "(facade)";

    /** Rank of each package, lowest first. Same rank: siblings that must not refer to each other. */
    static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("io", 0), Map.entry("stats", 0), Map.entry("format", 0), Map.entry("metric", 0),
            Map.entry("spec", 1),
            Map.entry("result", 2),
            Map.entry("analysis", 3), Map.entry("engine", 3), Map.entry("regress", 3),
            Map.entry("codec", 4), Map.entry("harness", 4), Map.entry("process", 4), Map.entry("jmh", 4),
            Map.entry("fork", 5),
            Map.entry("display", 6), Map.entry("baseline", 6),
            // history hands out Tablesaw tables (its API returns them), and Tablesaw starts at display; it finds
            // the project root through baseline. Beside table, not above it: neither needs the other.
            // profile reads a run's recordings into Tablesaw tables and flame graphs, beside table and history.
            Map.entry("table", 7), Map.entry("history", 7), Map.entry("profile", 7),
            // xlang builds, validates and times programs in other languages; its tables are Tablesaw too.
            Map.entry("xlang", 7),
            // load drives HTTP load at loopback servers and hands out Tablesaw tables; it needs only display.
            Map.entry("load", 7),
            Map.entry("plot", 8),
            Map.entry("report", 9), Map.entry("progress", 9),
            Map.entry(FACADE, 10),
            Map.entry("suites", 11));

    /** Third-party packages and the only packages that may use them. */
    static final Map<String, Set<String>> LIBRARIES = Map.of(
            "tech.tablesaw", Set.of("display", "table", "history", "profile", "xlang", "load", "plot", "report", "progress",
                    FACADE, "suites"),
            "org.HdrHistogram", Set.of("load"),
            "org.apache.commons.math3", Set.of("stats"),
            "com.fasterxml.jackson", Set.of("codec", "jmh", "plot", "profile"),
            "org.openjdk.jmh", Set.of("harness"),
            // async-profiler's Java API: loaded and driven by the harness alone (AsyncProfilerLibrary, ProfileRecorder).
            "one.profiler", Set.of("harness"),
            "org.flywaydb", Set.of("history"),
            "org.sqlite", Set.of("history"),
            "org.postgresql", Set.of("history"),
            "org.objectweb.asm", Set.of("spec"));

    private static final Pattern OURS = Pattern.compile("\\bdev\\.benchbook\\.([a-z]+)\\.");
    private static final Pattern FACADE_CLASS = Pattern.compile("\\bdev\\.benchbook\\.([A-Z]\\w*)");
    private static final Pattern THIRD_PARTY = Pattern.compile("\\b(tech\\.tablesaw|org\\.apache\\.commons\\.math3"
            + "|com\\.fasterxml\\.jackson|org\\.openjdk\\.jmh|org\\.flywaydb|org\\.sqlite|org\\.postgresql|org\\.objectweb\\.asm|one\\.profiler|org\\.HdrHistogram)\\.");

    @Test
    void everyPackageHasARankAndRefersOnlyToLowerOnes() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> unranked = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = packageOf(f);
                Integer rank = RANK.get(pkg);
                if (rank == null) {
                    unranked.add(pkg);
                    continue;
                }
                for (String line : code(f)) {
                    Matcher m = OURS.matcher(line);
                    while (m.find()) {
                        check(violations, f, line, pkg, rank, RANK.containsKey(m.group(1)) ? m.group(1) : null);
                    }
                    Matcher c = FACADE_CLASS.matcher(line);
                    while (c.find()) {
                        check(violations, f, line, pkg, rank, FACADE);
                    }
                    Matcher t = THIRD_PARTY.matcher(line);
                    while (t.find()) {
                        String lib = t.group(1);
                        if (!LIBRARIES.get(lib).contains(pkg)) {
                            violations.add(f + ": uses " + lib + ", allowed only in " + new TreeSet<>(LIBRARIES.get(lib))
                                    + ": " + line.trim());
                        }
                    }
                }
            }
        }
        assertEquals("", unranked.isEmpty() ? "" : "packages without a rank in LayeringTest.RANK: " + unranked
                + "; give each new package its place among the layers");
        assertEquals("", String.join("\n", violations));
    }

    private static void check(List<String> violations, Path f, String line, String pkg, int rank, String target) {
        if (target == null) {
            violations.add(f + ": refers to a package without a rank: " + line.trim());
        } else if (!target.equals(pkg) && RANK.get(target) >= rank) {
            violations.add(f + ": " + pkg + " (rank " + rank + ") refers to " + target + " (rank " + RANK.get(target)
                    + "): " + line.trim());
        }
    }

    private static String packageOf(Path f) {
        Path rel = SRC.relativize(f.getParent());
        return rel.toString().isEmpty() ? FACADE : rel.getName(0).toString();
    }

    /** The file's lines outside comments. */
    private static List<String> code(Path f) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inComment = false;
        for (String raw : Files.readAllLines(f)) {
            String line = raw.trim();
            if (inComment) {
                if (line.contains("*/")) {
                    inComment = false;
                    line = line.substring(line.indexOf("*/") + 2);
                } else {
                    continue;
                }
            }
            if (line.startsWith("/*")) {
                if (!line.contains("*/")) {
                    inComment = true;
                }
                continue;
            }
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("package ")) {
                continue;
            }
            int slash = line.indexOf("//");
            out.add(slash >= 0 && !line.contains("\"") ? line.substring(0, slash) : line);
        }
        return out;
    }
}
