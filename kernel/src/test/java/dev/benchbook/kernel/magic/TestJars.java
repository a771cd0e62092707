package dev.benchbook.kernel.magic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/** Compiles small classes into class directories and jars for the class path magics. */
final class TestJars {
    private TestJars() {
    }

    /** Compiles {@code source} (one public class {@code pkg.Name}) into {@code dir}; returns {@code dir}. */
    static Path classes(Path dir, String className, String source, Path... classpath) throws IOException {
        Path src = dir.resolveSibling(dir.getFileName() + "-src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Files.createDirectories(dir);
        String cp = String.join(java.io.File.pathSeparator, java.util.Arrays.stream(classpath).map(Path::toString).toList());
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), "-cp",
                cp.isEmpty() ? "." : cp, src.toString());
        if (rc != 0) {
            throw new IllegalStateException("javac failed on " + src);
        }
        return dir;
    }

    /** A jar of the compiled class. */
    static Path jar(Path jar, String className, String source, Path... classpath) throws IOException {
        Path classes = classes(jar.resolveSibling(jar.getFileName() + "-classes"), className, source, classpath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                var files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
        return jar;
    }
}
