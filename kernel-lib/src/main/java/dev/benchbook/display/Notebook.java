package dev.benchbook.display;

import java.util.Optional;

/** The notebook this JVM serves, if any: the kernel installs its {@link DisplaySink} at start-up. */
public final class Notebook {
    private static volatile DisplaySink sink;

    private Notebook() {}

    /** Installs the kernel's sink; called once by the kernel. */
    public static void install(DisplaySink displaySink) {
        sink = displaySink;
    }

    /** The installed sink, or empty outside a notebook kernel. */
    public static Optional<DisplaySink> sink() {
        return Optional.ofNullable(sink);
    }
}
