package dev.benchbook.cli;

import picocli.CommandLine.Option;

/** {@code --history LOC | --no-history}: where runs are recorded, or that they are not. */
final class HistoryOption {
    @Option(names = "--history", paramLabel = "LOC", description = "The history store: a file (SQLite) or a "
            + "jdbc:postgresql:// URL. Default: $BENCHBOOK_HISTORY, else the default store, when the build has one.")
    String location;

    @Option(names = "--no-history", description = "Do not use the history store.")
    boolean off;

    /**
     * The store to use, or null when there is none to use: turned off, or not in this build and not asked for.
     *
     * @throws CliException when both flags are given, or a store was asked for and cannot be opened
     */
    HistoryAccess open(Main main) {
        if (off && location != null) {
            throw CliException.usage("--history " + location + " and --no-history: give one of them; --no-history "
                    + "runs without the store");
        }
        if (off) {
            return null;
        }
        String env = main.env(HistoryAccess.ENV);
        String where = location != null ? location : env != null && !env.isBlank() ? env : null;
        if (!main.history().available() && location == null) {
            return null;
        }
        return main.history().open(where);
    }
}
