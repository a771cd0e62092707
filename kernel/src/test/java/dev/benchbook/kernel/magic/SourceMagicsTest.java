package dev.benchbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.display.Displayable;
import dev.benchbook.kernel.CellException;
import dev.benchbook.kernel.CellException.MagicError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %load}, {@code %%time} and {@code %lsmagic}. */
class SourceMagicsTest {
    @TempDir
    static Path dir;
    private static Kernel kernel;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("Point.java"), "// a point\npackage com.example.geo;\n\nimport java.util.List;\n\n"
                + "public record Point(int x, int y) {\n    List<Integer> coords() { return List.of(x, y); }\n}\n");
        Files.writeString(dir.resolve("setup.jsh"), "int loaded = 40;\nint more() { return 2; }\nloaded + more()\n");
        Files.writeString(dir.resolve("Broken.java"), "class Broken {\n  int f() { return \"text\"; }\n}\n");
        Files.writeString(dir.resolve("notes.txt"), "x");
        kernel = new Kernel(dir);
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    @Test
    void loadDeclaresAJavaFilesTypesWithoutItsPackage() {
        kernel.run("%load Point.java");
        assertEquals("%load Point.java: dropped 'package com.example.geo;' (JShell has no packages; its classes"
                + " become notebook classes)\n", kernel.output());
        assertEquals(java.util.List.of(3, 4), kernel.run("new Point(3, 4).coords()"));
    }

    @Test
    void loadRunsAScriptAndGivesItsLastValue() {
        assertEquals(42, kernel.run("%load setup.jsh"));
        assertEquals(40, kernel.run("loaded"));
    }

    @Test
    void loadErrorsNameTheFile() {
        CellException e = assertThrows(CellException.CompilationError.class, () -> kernel.run("%load Broken.java"));
        assertEquals("Compilation error in Broken.java, line 2: incompatible types: java.lang.String cannot be converted"
                + " to int", e.headline());
        assertEquals("%load Nope.java: no such file (" + dir.resolve("Nope.java") + "); paths are relative to " + dir,
                assertThrows(MagicError.class, () -> kernel.run("%load Nope.java")).headline());
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%load notes.txt")).headline()
                .contains("only .java and .jsh files can be loaded"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%load")).headline().startsWith("%load: no file"));
    }

    @Test
    void timePrintsWallAndCpuTimeAndKeepsTheValue() {
        Object v = kernel.run("%%time\nThread.sleep(50);\n6 * 7");
        assertEquals(42, v);
        String out = kernel.output().strip();
        assertTrue(out.matches("Wall time: [0-9.]+ ms, CPU time \\(whole process\\): [0-9.]+ (ns|µs|ms|s)"), out);
        double ms = Double.parseDouble(out.replaceAll("Wall time: ([0-9.]+) ms.*", "$1"));
        assertTrue(ms >= 50, out);
    }

    @Test
    void timeErrorsKeepTheCellsLineNumbers() {
        CellException e = assertThrows(CellException.CompilationError.class, () -> kernel.run("%%time\nint a = 1;\na.b"));
        assertTrue(e.headline().startsWith("Compilation error in line 3"), e.headline());
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%%time")).headline()
                .startsWith("%%time: the cell has no code"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%%time now\n1")).headline()
                .startsWith("%%time now: takes no arguments"));
    }

    @Test
    void lsmagicListsEveryMagicWithItsHelp() {
        Displayable d = assertInstanceOf(Displayable.class, kernel.run("%lsmagic"));
        for (Magic m : kernel.magics.all()) {
            assertTrue(d.toText().contains(m.name() + " ") && d.toText().contains(m.help()), m.name());
            assertTrue(d.toHtml().contains("<code>" + m.name() + "</code>"), m.name());
            assertTrue(!m.help().contains("\n"), m.name() + ": help is one line");
        }
        assertTrue(d.toText().contains("--time 10s"), "bench options are documented");
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%lsmagic all")).headline()
                .contains("takes no arguments"));
    }
}
