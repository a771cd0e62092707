package dev.benchbook.cli;

/**
 * An error that ends a command with a documented exit code; its message names the flag, the value, the rule
 * and the fix, e.g. {@code --forks -1: must be >= 0; use 0 to run in this JVM}.
 */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A usage or configuration error: exit code {@value ExitCodes#USAGE}. */
    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
