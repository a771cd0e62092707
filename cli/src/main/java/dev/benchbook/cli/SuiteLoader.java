package dev.benchbook.cli;

import dev.benchbook.Bench;
import dev.benchbook.Suite;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.SortingSuite;
import dev.benchbook.suites.catalog.SuiteCatalog;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds the suite {@code --suite} names: a bundled name ({@code sorting}), a {@link SuiteFactory} class by its
 * fully qualified name, or the name of a suite whose factory a jar lists in {@code
 * META-INF/services/dev.benchbook.spec.SuiteFactory}; from {@code --classpath} (a class loader of its own over
 * the CLI's) or the CLI's own classpath. A suite from {@code --classpath} still forks: its forks get those
 * entries too.
 */
final class SuiteLoader {
    /** The suites that ship with Benchbook, by short name. */
    static final Map<String, Class<? extends SuiteFactory>> BUNDLED = Map.of("sorting", SortingSuite.class);

    private SuiteLoader() {}

    /**
     * The suite {@code name} from {@code classpath} (null or empty: the CLI's own).
     *
     * @param flag the option that named the classpath, for messages ({@code --classpath}, {@code --a-classpath})
     */
    static Suite<?> load(String name, String classpath, String flag) {
        if (name == null || name.isBlank()) {
            throw CliException.usage("--suite: missing; name a SuiteFactory class (e.g. com.acme.MySuite) or a "
                    + "bundled suite (" + String.join(", ", BUNDLED.keySet()) + ")");
        }
        ClassLoader loader = loader(classpath, flag);
        Class<? extends SuiteFactory> type = factory(name.strip(), loader, classpath, flag);
        try {
            return Bench.suite(type);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--suite " + name + ": " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            throw CliException.usage("--suite " + name + ": " + type.getName() + ".create() threw " + e
                    + "; fix the factory, or check that --classpath holds everything it needs");
        }
    }

    /**
     * The suites {@code name} means: a bundled suite or a class name (one), a group of {@code SuiteCatalog}
     * ({@code standard}: all of its suites) or a catalog suite by its short name ({@code hash-map}), else what
     * {@link #load} finds.
     */
    static List<Suite<?>> loadAll(String name, String classpath, String flag) {
        String n = name == null ? "" : name.strip();
        if (!BUNDLED.containsKey(n) && !n.contains(".")) {
            List<Class<? extends SuiteFactory>> found = SuiteCatalog.load(loader(classpath, flag)).resolve(n);
            if (!found.isEmpty()) {
                List<Suite<?>> suites = new ArrayList<>();
                for (Class<? extends SuiteFactory> type : found) {
                    suites.add(Bench.suite(type));
                }
                return suites;
            }
        }
        return List.of(load(name, classpath, flag));
    }

    private static Class<? extends SuiteFactory> factory(String name, ClassLoader loader, String classpath,
            String flag) {
        if (BUNDLED.containsKey(name)) {
            return BUNDLED.get(name);
        }
        Class<?> type = null;
        if (name.contains(".") && !name.endsWith(".")) {
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                type = null;
            }
        }
        if (type == null) {
            List<String> found = new ArrayList<>();
            for (ServiceLoader.Provider<SuiteFactory> p : ServiceLoader.load(SuiteFactory.class, loader).stream()
                    .toList()) {
                try {
                    String suite = p.get().create().name();
                    if (suite.equals(name)) {
                        return p.type();
                    }
                    found.add(suite);
                } catch (RuntimeException | java.util.ServiceConfigurationError e) {
                    found.add(p.type().getName() + " (failed: " + e.getMessage() + ")");
                }
            }
            throw CliException.usage("--suite " + name + ": no SuiteFactory class or suite of that name on "
                    + where(classpath, flag) + "; pass a fully qualified class name (e.g. com.acme.MySuite), add "
                    + "its jar or class folder with " + flag + ", or use a bundled suite (" + String.join(", ",
                            BUNDLED.keySet()) + ")" + (found.isEmpty() ? "" : "; suites listed in META-INF/services: "
                                    + String.join(", ", found)) + "; groups and suites of the catalog: "
                    + String.join(", ", SuiteCatalog.load(loader).names()));
        }
        if (!SuiteFactory.class.isAssignableFrom(type)) {
            throw CliException.usage("--suite " + name + ": " + type.getName() + " does not implement "
                    + SuiteFactory.class.getName() + "; implement it (a public no-argument constructor and "
                    + "create() returning Bench.suite(...)...build())");
        }
        return type.asSubclass(SuiteFactory.class);
    }

    private static String where(String classpath, String flag) {
        return classpath == null || classpath.isBlank() ? "the CLI's classpath (add yours with " + flag + ")"
                : flag + " " + classpath;
    }

    /** A class loader over {@code classpath}'s entries, each of which must exist. */
    static ClassLoader loader(String classpath, String flag) {
        ClassLoader parent = SuiteLoader.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry.strip());
            if (!Files.exists(p)) {
                throw CliException.usage(flag + " " + classpath + ": entry " + entry + " does not exist; list jars "
                        + "and class folders separated by '" + File.pathSeparator + "', e.g. target/classes"
                        + File.pathSeparator + "target/lib/dep.jar");
            }
            try {
                urls.add(p.toAbsolutePath().normalize().toUri().toURL());
            } catch (MalformedURLException e) {
                throw CliException.usage(flag + " " + classpath + ": entry " + entry + " is not a usable path (" + e
                        .getMessage() + ")");
            }
        }
        return new URLClassLoader("benchbook " + flag, urls.toArray(URL[]::new), parent);
    }
}
