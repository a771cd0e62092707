package dev.benchbook.suites.catalog;

import dev.benchbook.spec.SuiteFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every {@link SuiteGroup} on the class path, and every suite by its short name. A group's name ({@code
 * standard}) names all its suites; a suite's short name is its class's simple name without the {@code Suite}
 * suffix, in lower case with {@code -} between words ({@code HashMapSuite} is {@code hash-map}).
 */
public final class SuiteCatalog {
    private final Map<String, SuiteGroup> groups;

    private SuiteCatalog(Map<String, SuiteGroup> groups) {
        this.groups = Collections.unmodifiableMap(groups);
    }

    /** The groups that {@code loader} can see through {@link ServiceLoader}. */
    public static SuiteCatalog load(ClassLoader loader) {
        Map<String, SuiteGroup> found = new LinkedHashMap<>();
        for (SuiteGroup g : ServiceLoader.load(SuiteGroup.class, loader)) {
            SuiteGroup before = found.putIfAbsent(g.name(), g);
            if (before != null && before.getClass() != g.getClass()) {
                throw new IllegalStateException("suite group '" + g.name() + "' is registered twice, by "
                        + before.getClass().getName() + " and " + g.getClass().getName() + "; rename one");
            }
        }
        return new SuiteCatalog(found);
    }

    /** The groups this module's class loader sees. */
    public static SuiteCatalog standard() {
        return load(SuiteCatalog.class.getClassLoader());
    }

    /** The groups by name, in discovery order. */
    public Map<String, SuiteGroup> groups() {
        return groups;
    }

    /** The group {@code name}, if there is one. */
    public Optional<SuiteGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** Every suite of every group by its short name, in group order. */
    public Map<String, Class<? extends SuiteFactory>> suites() {
        Map<String, Class<? extends SuiteFactory>> all = new LinkedHashMap<>();
        for (SuiteGroup g : groups.values()) {
            for (Class<? extends SuiteFactory> s : g.suites()) {
                all.putIfAbsent(shortName(s), s);
            }
        }
        return all;
    }

    /**
     * The suites {@code name} means: a group's suites, or the one suite of that short name; empty when it is
     * neither.
     */
    public List<Class<? extends SuiteFactory>> resolve(String name) {
        SuiteGroup g = groups.get(name);
        if (g != null) {
            return List.copyOf(g.suites());
        }
        Class<? extends SuiteFactory> one = suites().get(name);
        return one == null ? List.of() : List.of(one);
    }

    /** The short name of a suite class: {@code HashMapSuite} → {@code hash-map}. */
    public static String shortName(Class<?> suite) {
        String simple = suite.getSimpleName();
        if (simple.endsWith("Suite") && simple.length() > "Suite".length()) {
            simple = simple.substring(0, simple.length() - "Suite".length());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(simple.charAt(i - 1))) {
                out.append('-');
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Every name {@link #resolve} accepts, groups first, for error messages. */
    public List<String> names() {
        List<String> names = new ArrayList<>(groups.keySet());
        for (String s : suites().keySet()) {
            if (!names.contains(s)) {
                names.add(s);
            }
        }
        return names;
    }
}
