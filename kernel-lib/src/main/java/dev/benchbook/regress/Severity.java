package dev.benchbook.regress;

import java.util.Locale;

/** How bad a regression is, from its estimated size; see {@link DetectorConfig#majorPct()}. */
public enum Severity {
    MINOR, MAJOR, CRITICAL;

    /** {@code minor}, {@code major} or {@code critical}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity named {@code label} (any case), or an error that lists the choices. */
    public static Severity of(String label) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("severity \"" + label + "\": must be minor, major or critical");
    }
}
