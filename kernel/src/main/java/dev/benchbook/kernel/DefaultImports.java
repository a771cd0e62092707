package dev.benchbook.kernel;

import java.util.List;

/** The imports every notebook starts with, so that cells need no import of their own. */
public final class DefaultImports {
    /**
     * Import statements evaluated when the kernel starts, in order. The single-type import of
     * {@code Bench} wins over any same-named class brought in by the wildcards.
     */
    public static final List<String> STATEMENTS = List.of(
            "import dev.benchbook.Bench;",
            "import dev.benchbook.*;",
            "import dev.benchbook.plot.Plots;",
            "import dev.benchbook.xlang.Language;",
            "import dev.benchbook.xlang.Validation;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import dev.benchbook.load.Load;",
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.time.*;",
            "import java.net.URI;",
            "import tech.tablesaw.api.*;");

    private DefaultImports() {
    }
}
