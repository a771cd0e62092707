package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguagesCommandTest {
    static final Path NBODY = Path.of("..", "datasets", "xlang", "nbody").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void comparesAWorkloadAndWritesTheReportAndCsv() throws Exception {
        assumeTrue(dev.benchbook.xlang.Toolchains.find("gcc").isPresent(), "gcc is not installed");
        Path report = dir.resolve("languages.html");
        Path csv = dir.resolve("languages.csv");
        Cli.Result r = new Cli().run("languages", NBODY.toString(), "--lang", "c,cpp,python", "--size", "small",
                "--runs", "3", "--report", report.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("== nbody"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("python") && l.contains(" ok ")), r.out());
        String html = Files.readString(report);
        assertTrue(html.contains("nbody: mean wall time relative to c") && html.contains("Plotly"), "plots inlined");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("workload,implementation,language,status"), rows.get(0));
    }

    @Test
    void sequentialOrderRunsAndWritesTheSameCsv() throws Exception {
        assumeTrue(dev.benchbook.xlang.Toolchains.find("gcc").isPresent(), "gcc is not installed");
        Path csv = dir.resolve("sequential.csv");
        Cli.Result r = new Cli().run("languages", NBODY.toString(), "--lang", "c,cpp", "--size", "small", "--runs", "2",
                "--order", "sequential", "--csv", csv.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(2).startsWith("nbody,c++,c++,ok,2,"), rows.get(2));
    }

    @Test
    void aFailingImplementationExitsFour() throws Exception {
        assumeTrue(dev.benchbook.xlang.Toolchains.find("gcc").isPresent(), "gcc is not installed");
        Path w = dir.resolve("broken");
        Files.createDirectories(w);
        Files.writeString(w.resolve("workload.env"), "SMALL=1\nTIMED=2\nC=ok.c\nCPP=bad.cpp\n");
        Files.writeString(w.resolve("ok.c"), "#include <stdio.h>\nint main() { puts(\"1\"); return 0; }\n");
        Files.writeString(w.resolve("bad.cpp"), "int main( {\n");
        Cli.Result r = new Cli().run("languages", w.toString(), "--lang", "c,cpp", "--runs", "2");
        assertEquals(ExitCodes.BENCHMARK_FAILED, r.code(), r.toString());
        assertTrue(r.out().contains("c++: build-failed: the build of c++ failed"), r.out());
    }

    @Test
    void badFlagsNameTheFix() {
        Cli.Result r = new Cli().run("languages", NBODY.toString(), "--lang", "cobol");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--lang cobol: language 'cobol' is not known"), r.err());
        r = new Cli().run("languages", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("not a workload folder"), r.err());
        r = new Cli().run("languages", NBODY.toString(), "--runs", "1");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--runs 1: must be at least 2"), r.err());
        r = new Cli().run("languages", NBODY.toString(), "--order", "random");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--order random: order 'random' is not known; use one of interleaved, sequential"),
                r.err());
    }
}
