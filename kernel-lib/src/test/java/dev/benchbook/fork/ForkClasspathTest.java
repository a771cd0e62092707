package dev.benchbook.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.spec.BenchmarkSpec;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkClasspathTest {
    private static final String OWN = System.getProperty("java.class.path");

    @TempDir
    Path tmp;

    @Test
    void theSystemLoaderForksWithThisJvmsClasspath() {
        assertEquals(Optional.of(OWN), ForkClasspath.of(ClassLoader.getSystemClassLoader()));
        assertEquals(Optional.of(OWN), ForkClasspath.of(null));
        assertEquals(Optional.of(OWN), ForkClasspath.forClass(ForkClasspathTest.class));
        assertEquals(Optional.of(OWN), ForkClasspath.forClass(String.class));
    }

    @Test
    void urlLoadersAddTheirEntriesAfterTheClasspathOutermostFirst() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createFile(tmp.resolve("b.jar"));
        Path c = Files.createDirectories(tmp.resolve("c"));
        try (URLClassLoader outer = new URLClassLoader(new URL[] {a.toUri().toURL(), b.toUri().toURL()},
                ClassLoader.getSystemClassLoader());
                URLClassLoader inner = new URLClassLoader(new URL[] {c.toUri().toURL()}, outer)) {
            assertEquals(Optional.of(String.join(File.pathSeparator, OWN, a.toString(), b.toString(), c.toString())),
                    ForkClasspath.of(inner));
        }
    }

    @Test
    void aLoaderAFreshJvmCannotRebuildGivesNothing() throws IOException {
        ClassLoader custom = new ClassLoader(ClassLoader.getSystemClassLoader()) {};
        assertEquals(Optional.empty(), ForkClasspath.of(custom));
        try (URLClassLoader web = new URLClassLoader(new URL[] {new URL("http://example.com/x.jar")},
                ClassLoader.getSystemClassLoader())) {
            assertEquals(Optional.empty(), ForkClasspath.of(web));
        }
    }

    @Test
    void aLoaderThatBypassesTheSystemLoaderGivesNothing() throws IOException {
        try (URLClassLoader orphan = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null)) {
            assertEquals(Optional.empty(), ForkClasspath.of(orphan));
        }
    }

    @Test
    void aClassCompiledIntoAFolderIsForkableAndTheSameBytesDefinedInMemoryAreNot() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/p")).resolve("Q.java");
        Files.writeString(src, "package p; public final class Q implements java.util.function.IntSupplier { "
                + "public int getAsInt() { return 7; } }");
        Path dir = Files.createDirectories(tmp.resolve("classes"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), src.toString()));
        try (URLClassLoader over = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ClassLoader.getSystemClassLoader())) {
            Class<?> q = over.loadClass("p.Q");
            assertEquals(Optional.of(OWN + File.pathSeparator + dir), ForkClasspath.forClass(q));
            assertNull(ForkRunner.unforkableReason(new BenchmarkSpec("q", BenchmarkSpec.Shape.OBJECT,
                    q.getConstructor().newInstance())));
            byte[] bytes = Files.readAllBytes(dir.resolve("p/Q.class"));
            // A loader that defines the class from bytes, as a notebook session does, under a URL loader without it.
            try (URLClassLoader session = new URLClassLoader(new URL[] {tmp.resolve("empty").toUri().toURL()},
                    ClassLoader.getSystemClassLoader()) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    return name.equals("p.Q") ? defineClass(name, bytes, 0, bytes.length) : super.findClass(name);
                }
            }) {
                Class<?> inMemory = session.loadClass("p.Q");
                assertEquals(Optional.empty(), ForkClasspath.forClass(inMemory));
                assertTrue(ForkRunner.unforkableReason(new BenchmarkSpec("q", BenchmarkSpec.Shape.OBJECT,
                        inMemory.getConstructor().newInstance())).contains("defined in this session"));
            }
        }
    }

    @Test
    void systemClasspathBenchmarksStayForkable() {
        assertNull(ForkRunner.unforkableReason(new BenchmarkSpec("b", BenchmarkSpec.Shape.OBJECT,
                (dev.benchbook.spec.Benchmark) ctx -> 1)));
    }

}
