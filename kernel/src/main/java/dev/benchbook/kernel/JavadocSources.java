package dev.benchbook.kernel;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets inspection show the javadoc of Benchbook's DSL, not only the JDK's. JShell's source
 * analysis reads javadoc from source files, and looks for them only in the JDK's {@code src.zip};
 * its one way to add more is the list that its own tests set ({@code
 * SourceCodeAnalysisImpl.availableSourcesOverride}), which needs {@code --add-opens
 * jdk.jshell/jdk.jshell=ALL-UNNAMED}. The list here is the JDK's sources plus the directories or
 * source jars in the system property {@code benchbook.sources} (the installer sets it to the
 * library's sources). Without the option, or without sources, documentation keeps signatures.
 */
final class JavadocSources {
    /** System property listing source directories or jars, separated like a class path. */
    static final String PROPERTY = "benchbook.sources";
    private static final Logger LOG = LoggerFactory.getLogger(JavadocSources.class);
    private static boolean installed;

    private JavadocSources() {
    }

    /** Installs the source list once per JVM; returns whether JShell now uses it. */
    static synchronized boolean install() {
        if (installed) {
            return true;
        }
        String property = System.getProperty(PROPERTY, "");
        List<Path> extra = new ArrayList<>();
        for (String entry : property.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                extra.add(Path.of(entry));
            }
        }
        if (extra.isEmpty()) {
            return false;
        }
        try {
            Field field = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
            field.setAccessible(true);
            List<Path> sources = new ArrayList<>(jdkSources());
            sources.addAll(extra);
            field.set(null, sources);
            installed = true;
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Inspection shows signatures only, not the library's javadoc: {} (start the JVM with"
                    + " --add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED)", e.toString());
            return false;
        }
    }

    /** The module directories of the JDK's {@code src.zip}, as JShell finds them itself. */
    private static List<Path> jdkSources() {
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(zip)) {
            return List.of();
        }
        try {
            FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of());
            Path root = fs.getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java/lang/Object.java"))) {
                return List.of(zip);
            }
            List<Path> modules = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
                ds.forEach(p -> {
                    if (Files.isDirectory(p)) {
                        modules.add(p);
                    }
                });
            }
            return modules;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot read {}", zip, e);
            return List.of();
        }
    }
}
