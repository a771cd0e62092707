package dev.benchbook.kernel;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Defines JShell's wrapper classes in a class loader whose parent is the loader of the kernel
 * itself, so that objects created by snippets are instances of the very classes the kernel renders
 * (Tablesaw's {@code Table}, Benchbook's {@code Displayable}). The loader also serves each snippet
 * class's bytes as the resource {@code REPL/$JShell$12.class}, for code that reads class files,
 * such as a harness that copies notebook code into a forked JVM. Snippet classes, and classes of
 * jars added to it that call {@code System.exit}, are defined as {@link ExitGuard} rewrote them.
 */
final class SnippetLoader implements LoaderDelegate {
    private final SnippetClassLoader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    SnippetLoader(ClassLoader parent) {
        this.loader = new SnippetClassLoader(parent);
    }

    /** The loader that defines snippet classes; user code runs with it as context loader. */
    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), ExitGuard.instrument(cbc.bytecodes()));
        }
        int i = 0;
        try {
            for (ClassBytecodes cbc : cbcs) {
                loaded.put(cbc.name(), Class.forName(cbc.name(), false, loader));
                installed[i++] = true;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClassInstallException("Failed to load class " + cbcs[i].name() + ": " + e, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        // The loaded classes stay; only the bytes JShell considers current are recorded.
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), ExitGuard.instrument(cbc.bytecodes()));
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                loader.addUrl(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException | RuntimeException e) {
                throw new InternalException("Bad classpath entry " + entry + ": " + e);
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        return c != null ? c : loader.loadClass(name);
    }

    /** The bytes of a loaded snippet class as JShell last declared them, or {@code null}. */
    byte[] currentBytes(String name) {
        return loaded.containsKey(name) ? loader.bytes.get(name) : null;
    }

    private static final class SnippetClassLoader extends URLClassLoader {
        private static final String PROTOCOL = "benchbook-snippet";

        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

        SnippetClassLoader(ClassLoader parent) {
            super(new URL[0], parent);
        }

        void declare(String name, byte[] code) {
            bytes.put(name, code);
        }

        void addUrl(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] code = bytes.get(name);
            if (code != null) {
                return defineClass(name, code, 0, code.length);
            }
            URL url = super.findResource(name.replace('.', '/') + ".class");
            byte[] raw = url == null ? null : read(url);
            byte[] guarded = raw == null ? null : ExitGuard.instrument(raw);
            if (guarded == null || guarded == raw) {
                return super.findClass(name);
            }
            definePackageOf(name);
            return defineClass(name, guarded, 0, guarded.length, new CodeSource(codeBase(url), (CodeSigner[]) null));
        }

        private void definePackageOf(String className) {
            int dot = className.lastIndexOf('.');
            if (dot > 0 && getDefinedPackage(className.substring(0, dot)) == null) {
                try {
                    definePackage(className.substring(0, dot), null, null, null, null, null, null, null);
                } catch (IllegalArgumentException e) {
                    // Defined meanwhile by another thread.
                }
            }
        }

        private static byte[] read(URL url) {
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                return null;
            }
        }

        /** The jar or directory a class file URL points into. */
        private static URL codeBase(URL classFile) {
            String s = classFile.toString();
            try {
                return s.startsWith("jar:") && s.contains("!/") ? new URL(s.substring(4, s.indexOf("!/"))) : classFile;
            } catch (MalformedURLException e) {
                return classFile;
            }
        }

        @Override
        public URL findResource(String name) {
            byte[] code = name.endsWith(".class")
                    ? bytes.get(name.substring(0, name.length() - 6).replace('/', '.'))
                    : null;
            return code == null ? super.findResource(name) : bytesUrl(name, code);
        }

        @Override
        public Enumeration<URL> findResources(String name) throws java.io.IOException {
            URL snippetClass = findResource(name);
            return snippetClass != null && snippetClass.getProtocol().equals(PROTOCOL)
                    ? Collections.enumeration(java.util.List.of(snippetClass))
                    : super.findResources(name);
        }

        private static URL bytesUrl(String name, byte[] code) {
            URLStreamHandler handler = new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return new URLConnection(u) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(code);
                        }

                        @Override
                        public long getContentLengthLong() {
                            return code.length;
                        }
                    };
                }
            };
            try {
                return new URL(PROTOCOL, "", -1, "/" + name, handler);
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
