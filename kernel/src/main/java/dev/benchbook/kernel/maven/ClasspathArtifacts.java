package dev.benchbook.kernel.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Maven artifacts the kernel already has: its own jars, named by the {@code pom.properties}
 * Maven writes into every jar it builds, and what {@code %maven} added since. Classes load from the
 * kernel's jars first, so a second version of one of these artifacts could never be used.
 */
public final class ClasspathArtifacts {
    /**
     * An artifact on the class path.
     *
     * @param version its version
     * @param jar the jar it is in
     * @param origin where it came from, e.g. "the kernel's own jars" or "%maven in cell [3]"
     */
    public record Present(String version, Path jar, String origin) {
    }

    private final Map<String, Present> byKey = new ConcurrentHashMap<>();

    /** The artifacts of the jars on this JVM's {@code java.class.path}. */
    public static ClasspathArtifacts ofKernel() {
        ClasspathArtifacts a = new ClasspathArtifacts();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                a.scan(Path.of(entry), "the kernel's own jars");
            }
        }
        return a;
    }

    /** Records the artifacts whose {@code pom.properties} {@code jar} holds (a shaded jar may hold several). */
    public void scan(Path jar, String origin) {
        if (!Files.isRegularFile(jar)) {
            return;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            Map<String, String> found = new LinkedHashMap<>();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = zip.getInputStream(e)) {
                        p.load(in);
                    }
                    String g = p.getProperty("groupId");
                    String a = p.getProperty("artifactId");
                    String v = p.getProperty("version");
                    if (g != null && a != null && v != null) {
                        found.put(g.strip() + ":" + a.strip(), v.strip());
                    }
                }
            }
            found.forEach((key, version) -> byKey.putIfAbsent(key, new Present(version, jar, origin)));
        } catch (IOException e) {
            // Not a readable jar: it names no artifact.
        }
    }

    /** Records an artifact that {@code %maven} added. */
    public void add(String key, String version, Path jar, String origin) {
        byKey.putIfAbsent(key, new Present(version, jar, origin));
    }

    /** The artifact {@code group:artifact} on the class path, if any. */
    public Optional<Present> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** How many artifacts are known. */
    public int size() {
        return byKey.size();
    }

    /** The keys known, for tests and diagnostics. */
    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }
}
