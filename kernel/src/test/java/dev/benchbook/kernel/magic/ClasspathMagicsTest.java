package dev.benchbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.kernel.CellException;
import dev.benchbook.kernel.CellException.MagicError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %jars} and {@code %classpath}: parsing, errors, and classes usable (and benchmarkable) afterwards. */
class ClasspathMagicsTest {
    @TempDir
    static Path dir;
    private static Kernel kernel;

    @BeforeAll
    static void start() throws Exception {
        TestJars.jar(dir.resolve("lib/greeter.jar"), "demo.Greeter",
                "package demo; public class Greeter { public static String hi(String n) { return \"hi \" + n; } }");
        TestJars.jar(dir.resolve("lib/adder.jar"), "demo.Adder",
                "package demo; public class Adder { public static long add(long a, long b) { return a + b; } }");
        TestJars.classes(dir.resolve("classes"), "demo.Doubler",
                "package demo; public class Doubler { public static int twice(int x) { return 2 * x; } }");
        TestJars.jar(dir.resolve("tools/exiter.jar"), "demo.Exiter",
                "package demo; public class Exiter { public static void quit() { System.exit(11); } }");
        Files.writeString(dir.resolve("notes.txt"), "not a jar");
        kernel = new Kernel(dir);
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    @Test
    void jarsByGlobAreUsableInTheNextCellAndInBenchmarks() {
        kernel.run("%jars lib/*.jar");
        String out = kernel.output();
        assertTrue(out.startsWith("Added to the class path:"), out);
        assertTrue(out.contains(dir.resolve("lib/adder.jar").toString()) && out.contains("greeter.jar"), out);
        assertEquals("hi there", kernel.run("demo.Greeter.hi(\"there\")"));
        // The snippet loader is the one benchmarks run in: the class loads there, not in the kernel's loader.
        assertEquals(true, kernel.run("demo.Greeter.class.getClassLoader() == Thread.currentThread().getContextClassLoader()"));
        kernel.run("%bench --quiet --time 50ms --warmup 0 --iteration-time 2ms demo.Adder.add(40, 2)");
        kernel.run("%jars lib/greeter.jar");
        assertTrue(kernel.output().startsWith("Already on the class path"));
    }

    @Test
    void anExitInAnAddedJarIsRefused() {
        kernel.run("%jars tools/exiter.jar");
        kernel.output();
        CellException.ExitRefused e = assertThrows(CellException.ExitRefused.class, () -> kernel.run("demo.Exiter.quit()"));
        assertTrue(e.headline().startsWith("System.exit(11) refused"), e.headline());
        assertTrue(e.details().get(0).contains("demo.Exiter.quit"), e.details().toString());
        assertEquals(true, kernel.run("demo.Exiter.class.getProtectionDomain().getCodeSource().getLocation()"
                + ".toString().endsWith(\"exiter.jar\")"));
    }

    @Test
    void classDirectoryAndPathListAreAdded() {
        kernel.run("%classpath classes" + java.io.File.pathSeparator + "lib/greeter.jar");
        assertEquals(42, kernel.run("demo.Doubler.twice(21)"));
        kernel.output();
        kernel.run("%classpath");
        assertTrue(kernel.output().contains(dir.resolve("classes").toString()));
    }

    @Test
    void missingOrWrongFilesAreNamed() {
        MagicError missing = assertThrows(MagicError.class, () -> kernel.run("%jars lib/nope.jar"));
        assertEquals("%jars lib/nope.jar: no such file (" + dir.resolve("lib/nope.jar") + "); paths are relative to "
                + dir, missing.headline());
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%jars notes.txt")).headline()
                .contains("not a .jar file"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%jars classes")).headline()
                .contains("for a class directory use %classpath"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%jars lib/*.zip")).headline()
                .contains("no jar matches"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%classpath notes.txt")).headline()
                .contains("not a jar (it does not open as a zip file)"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%classpath gone")).headline()
                .contains("no such file or directory"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%jars")).headline()
                .startsWith("%jars: no jar given"));
    }
}
