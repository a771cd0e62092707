package dev.benchbook.kernel.magic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The magics of one kernel, by name. Magic objects may keep state (what {@code %maven} resolved). */
public final class Magics {
    private final Map<String, Magic> byName = new LinkedHashMap<>();

    /**
     * @param magics the magics, in the order {@code %lsmagic} lists them
     * @throws IllegalArgumentException when a name does not start with {@code %} or is taken twice
     */
    public Magics(List<Magic> magics) {
        for (Magic m : magics) {
            if (!m.name().matches("%%?[A-Za-z][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("magic name " + m.name() + ": must be %name or %%name");
            }
            if (byName.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("magic name " + m.name() + ": registered twice");
            }
        }
    }

    /** A fresh set of Benchbook's magics, for one kernel. */
    public static Magics standard() {
        return new Magics(List.of(new MavenMagic(), new JarsMagic(), new ClasspathMagic(), new BenchCellMagic(),
                new BenchLineMagic(), new LoadMagic(), new TimeMagic(), new LsMagic()));
    }

    /** The magic called {@code name} ({@code %maven}, {@code %%bench}). */
    public Optional<Magic> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every magic, in registration order. */
    public List<Magic> all() {
        return new ArrayList<>(byName.values());
    }
}
