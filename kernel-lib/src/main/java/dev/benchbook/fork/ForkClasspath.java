package dev.benchbook.fork;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classpath a fork needs to load the classes of a given class loader: this JVM's classpath, then the
 * folders and jars of every {@link URLClassLoader} between that loader and the system class loader, the one
 * nearest the system loader first, as parent-first delegation finds them. A suite loaded from jars of its own
 * (the command line's {@code --classpath}) forks with those jars this way.
 */
public final class ForkClasspath {
    private ForkClasspath() {}

    /**
     * The fork classpath for classes of {@code loader}, or empty when a fresh JVM cannot reproduce it: a loader
     * in the chain that is not a {@link URLClassLoader} over {@code file:} URLs, or a chain that does not lead
     * to the system class loader. Null and the system loader (and its ancestors) give this JVM's classpath.
     */
    public static Optional<String> of(ClassLoader loader) {
        String own = System.getProperty("java.class.path");
        List<List<String>> layers = new ArrayList<>();
        ClassLoader system = ClassLoader.getSystemClassLoader();
        ClassLoader l = loader;
        while (l != null && !isSystemOrAncestor(l, system)) {
            if (!(l instanceof URLClassLoader u)) {
                return Optional.empty();
            }
            List<String> entries = new ArrayList<>();
            for (URL url : u.getURLs()) {
                if (!"file".equals(url.getProtocol())) {
                    return Optional.empty();
                }
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            layers.add(0, entries);
            l = l.getParent();
        }
        if (l == null && loader != null) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>();
        if (own != null && !own.isEmpty()) {
            all.add(own);
        }
        layers.forEach(all::addAll);
        return Optional.of(String.join(File.pathSeparator, all));
    }

    /**
     * The fork classpath for {@code type}, or empty when a fresh JVM cannot load it: as {@link #of(ClassLoader)}
     * for its loader, and its class file must be in one of those folders or jars (a class defined in memory,
     * such as a notebook cell's, is not).
     */
    public static Optional<String> forClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || isSystemOrAncestor(loader, ClassLoader.getSystemClassLoader())) {
            return of(loader);
        }
        String name = type.getName();
        if (type.isHidden()) {
            // A lambda's hidden class is named after the class that created it: Foo$$Lambda$14/0x...
            name = name.substring(0, name.indexOf('/') < 0 ? name.length() : name.indexOf('/'));
            int lambda = name.indexOf("$$Lambda");
            name = lambda < 0 ? name : name.substring(0, lambda);
        }
        URL file = loader.getResource(name.replace('.', '/') + ".class");
        if (file == null || !("file".equals(file.getProtocol()) || "jar".equals(file.getProtocol())
                && file.getPath().startsWith("file:"))) {
            return Optional.empty();
        }
        return of(loader);
    }

    private static boolean isSystemOrAncestor(ClassLoader l, ClassLoader system) {
        for (ClassLoader s = system; s != null; s = s.getParent()) {
            if (s == l) {
                return true;
            }
        }
        return false;
    }
}
