package dev.benchbook.cli;

import dev.benchbook.baseline.Baselines;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --baselines DIR}: the baselines folder, else {@code $BENCHBOOK_BASELINES}, else the project's. */
final class BaselineDir {
    @Option(names = "--baselines", paramLabel = "DIR", description = "The baselines folder. Default: "
            + "$BENCHBOOK_BASELINES, else baselines/ at the top of the git work tree (else ./baselines).")
    Path dir;

    Baselines resolve(Main main) {
        if (dir != null) {
            return new Baselines(dir);
        }
        String env = main.env(Baselines.ENV);
        if (env != null && !env.isBlank()) {
            return new Baselines(Path.of(env));
        }
        return new Baselines(Baselines.projectRoot(Path.of("").toAbsolutePath()).resolve("baselines"));
    }
}
