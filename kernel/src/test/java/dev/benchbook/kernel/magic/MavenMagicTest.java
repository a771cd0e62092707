package dev.benchbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.maven.MavenResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} against a repository on disk (a file: URL), so the test needs no network: real
 * resolution with transitive dependencies, what the kernel has already, conflicts, a missing
 * artifact, and an unreachable repository.
 */
class MavenMagicTest {
    @TempDir
    static Path dir;
    private static Kernel kernel;

    @BeforeAll
    static void start() throws Exception {
        Path repo = dir.resolve("remote");
        publish(repo, "dep", List.of(), "bench.Dep", "package bench; public class Dep { public static String name() { return \"dep\"; } }");
        publish(repo, "lib", List.of("test.bench:dep:1.0"), "bench.Lib",
                "package bench; public class Lib { public static String hello() { return \"lib+\" + Dep.name(); } }");
        publish(repo, "uses-gson", List.of("com.google.code.gson:gson:2.10.1"), "bench.UsesGson",
                "package bench; public class UsesGson { public static String json() { return new com.google.gson.Gson().toJson(1); } }");
        writePom(repo, "com.google.code.gson", "gson", "2.10.1", List.of());
        Path local = dir.resolve("local");
        MavenMagic maven = new MavenMagic(() -> new MavenResolver(local, List.of(repo.toUri().toString())));
        kernel = new Kernel(dir, new Magics(List.of(maven, new LsMagic())));
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    @Test
    void resolvesTransitiveDependenciesForTheNextCellAndIsInstantTheSecondTime() {
        kernel.run("%maven test.bench:lib:1.0");
        String out = kernel.output();
        assertTrue(out.startsWith("%maven: resolved test.bench:lib:1.0 in "), out);
        assertTrue(out.contains("\n  added test.bench:lib:jar:1.0 (lib-1.0.jar)"), out);
        assertTrue(out.contains("\n  added test.bench:dep:jar:1.0 (dep-1.0.jar)"), out);
        assertTrue(Files.exists(dir.resolve("local/test/bench/dep/1.0/dep-1.0.jar")), "cached in the local repository");
        assertEquals("lib+dep", kernel.run("bench.Lib.hello()"));
        assertEquals(true, kernel.run("bench.Lib.class.getClassLoader() == Thread.currentThread().getContextClassLoader()"));
        kernel.run("%maven test.bench:lib:1.0");
        String again = kernel.output();
        assertTrue(again.matches("%maven: test.bench:lib:1.0 resolved in an earlier cell; nothing to do \\([0-9.]+ (ns|µs)\\)\\n"),
                again);
    }

    @Test
    void whatTheKernelHasIsNotAddedAgain() {
        kernel.run("%maven com.google.code.gson:gson:2.11.0");
        String out = kernel.output();
        assertTrue(out.contains("; nothing to add"), out);
        assertTrue(out.contains("on the class path already: com.google.code.gson:gson 2.11.0 (the kernel's own jars)"), out);
    }

    @Test
    void aDependencyOnAnotherVersionOfAKernelLibraryUsesTheKernelsAndSaysSo() {
        kernel.run("%maven test.bench:uses-gson:1.0");
        String out = kernel.output();
        assertTrue(out.contains("added test.bench:uses-gson:jar:1.0"), out);
        assertTrue(out.contains("com.google.code.gson:gson 2.11.0 (the kernel's own jars; 2.10.1 was asked for,"
                + " 2.11.0 is used)"), out);
        assertEquals("1", kernel.run("bench.UsesGson.json()"));
    }

    @Test
    void askingForAnotherVersionOfAKernelLibraryIsAConflict() {
        MagicError e = assertThrows(MagicError.class, () -> kernel.run("%maven com.google.code.gson:gson:2.10.1"));
        assertTrue(e.headline().startsWith("%maven com.google.code.gson:gson:2.10.1: version conflict:"
                + " com.google.code.gson:gson 2.11.0 is on the class path already (from the kernel's own jars, gson-2.11.0.jar)"
                + " and its classes load first, so 2.10.1 would never be used; use %maven com.google.code.gson:gson:2.11.0"),
                e.headline());
    }

    @Test
    void missingArtifactNamesTheCoordinateAndWhereItWasLookedFor() {
        MagicError e = assertThrows(MagicError.class, () -> kernel.run("%maven test.bench:nothing:1.0"));
        assertTrue(e.headline().startsWith("%maven test.bench:nothing:1.0: not found: test.bench:nothing:"), e.headline());
        assertTrue(e.headline().contains(dir.resolve("local").toString())
                && e.headline().endsWith("check the group, artifact and version (Maven Central's search lists the versions)"),
                e.headline());
    }

    @Test
    void unreachableRepositoryIsNoNetwork() {
        MavenMagic offline = new MavenMagic(() -> new MavenResolver(dir.resolve("empty-local"),
                List.of("http://127.0.0.1:9/maven2/")));
        try (Kernel k = new Kernel(dir, new Magics(List.of(offline)))) {
            MagicError e = assertThrows(MagicError.class, () -> k.run("%maven org.example:absent:1.0"));
            assertTrue(e.headline().startsWith("%maven org.example:absent:1.0: no network: "), e.headline());
            assertTrue(e.headline().contains("connect the machine and run the cell again"), e.headline());
            assertTrue(e.headline().contains("mvn dependency:get -Dartifact=org.example:absent"), e.headline());
        }
    }

    @Test
    void badCoordinatesAreNamed() {
        assertEquals("%maven gson: not a Maven coordinate; write group:artifact:version, e.g. com.google.code.gson:gson:2.11.0",
                assertThrows(MagicError.class, () -> kernel.run("%maven gson")).headline());
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%maven com.x:a b:1")).headline()
                .startsWith("%maven com.x:a: not a Maven coordinate"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%maven com/x:a:1")).headline()
                .contains("the group 'com/x' is not valid"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%maven")).headline()
                .startsWith("%maven: no coordinate given"));
    }

    private static void publish(Path repo, String artifact, List<String> deps, String className, String source)
            throws IOException {
        Path jar = TestJars.jar(dir.resolve("build/" + artifact + ".jar"), className, source,
                dir.resolve("build/dep.jar"), Path.of(com.google.gson.Gson.class.getProtectionDomain().getCodeSource()
                        .getLocation().getPath()));
        Path target = repo.resolve("test/bench/" + artifact + "/1.0/" + artifact + "-1.0.jar");
        Files.createDirectories(target.getParent());
        Files.copy(jar, target);
        sha1(target);
        writePom(repo, "test.bench", artifact, "1.0", deps);
    }

    private static void writePom(Path repo, String group, String artifact, String version, List<String> deps)
            throws IOException {
        StringBuilder d = new StringBuilder();
        for (String dep : deps) {
            String[] p = dep.split(":");
            d.append("<dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                    .append("</artifactId><version>").append(p[2]).append("</version></dependency>");
        }
        Path pom = repo.resolve(group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version + ".pom");
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "<project><modelVersion>4.0.0</modelVersion><groupId>" + group + "</groupId><artifactId>"
                + artifact + "</artifactId><version>" + version + "</version><dependencies>" + d
                + "</dependencies></project>");
        sha1(pom);
    }

    private static void sha1(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file));
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
