package dev.benchbook.suites.compiler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The JDK's compiler ({@code javax.tools}) with sources and class files in memory: sources are strings, class
 * files go to byte arrays, and the class path is empty, so only the platform's classes are seen and nothing on
 * the file system or the JVM's own class path changes the work. One instance holds one compiler and one standard
 * file manager (its caches of the platform's classes); {@link #compile} may be called again and again on it.
 */
public final class InMemoryCompiler implements AutoCloseable {
    /** The options of every compilation: no annotation processing (so no processor discovery), no lint. */
    public static final List<String> OPTIONS = List.of("-proc:none", "-Xlint:none");

    private final JavaCompiler compiler;
    private final StandardJavaFileManager standard;

    private InMemoryCompiler(JavaCompiler compiler, StandardJavaFileManager standard) {
        this.compiler = compiler;
        this.standard = standard;
    }

    /**
     * A fresh compiler ({@link ToolProvider#getSystemJavaCompiler()}) with a fresh standard file manager.
     *
     * @throws IllegalStateException when this JVM has no compiler (a runtime without {@code jdk.compiler})
     */
    public static InMemoryCompiler create() {
        JavaCompiler c = ToolProvider.getSystemJavaCompiler();
        if (c == null) {
            throw new IllegalStateException("unsupported: this JVM (" + System.getProperty("java.home") + ") has no "
                    + "system Java compiler, the jdk.compiler module; run on a JDK, not a JRE");
        }
        StandardJavaFileManager fm = c.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            fm.setLocation(StandardLocation.CLASS_PATH, List.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot empty the class path of the standard file manager: " + e, e);
        }
        return new InMemoryCompiler(c, fm);
    }

    /** The sources as compilation units that live in memory. */
    public static List<JavaFileObject> units(List<ProjectGenerator.Source> sources) {
        List<JavaFileObject> out = new ArrayList<>(sources.size());
        for (ProjectGenerator.Source s : sources) {
            out.add(new SourceString(s.className(), s.code()));
        }
        return out;
    }

    /**
     * Compiles {@code units} together.
     *
     * @return each class file's binary name ({@code gen.C3$Part}) and bytes, by name
     * @throws IllegalStateException when javac reports errors; the message lists the first ones
     */
    public Map<String, byte[]> compile(List<JavaFileObject> units) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Outputs fm = new Outputs(standard);
        Boolean ok = compiler.getTask(null, fm, diagnostics, OPTIONS, null, units).call();
        if (!Boolean.TRUE.equals(ok)) {
            String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .limit(5).map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": "
                            + d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
            throw new IllegalStateException("javac failed on " + units.size() + " sources: " + errors);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        fm.outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    /** Closes the standard file manager. */
    @Override
    public void close() throws IOException {
        standard.close();
    }

    /** A source held as a string. */
    private static final class SourceString extends SimpleJavaFileObject {
        private final String code;

        SourceString(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** The standard file manager for reading; class files written to memory. Never closes the delegate. */
    private static final class Outputs extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();

        Outputs(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
                JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(2_048);
                    outputs.put(className, out);
                    return out;
                }
            };
        }

        @Override
        public void close() {
            // The standard file manager belongs to the InMemoryCompiler, which may compile again.
        }
    }
}
