package dev.benchbook.cli;

/**
 * The exit codes of every {@code benchbook} command. When several apply, the lowest row of this list that
 * applies wins in this order: 2, then 4, then 3, then 1.
 */
public final class ExitCodes {
    /** Everything ran; no regression at or above {@code --fail-on}. */
    public static final int OK = 0;
    /** {@code check}: a regression at or above {@code --fail-on} (default {@value CheckCommand#DEFAULT_FAIL_ON}). */
    public static final int REGRESSION = 1;
    /** A bad flag or value, a missing or unreadable file or baseline, a suite that cannot be loaded. */
    public static final int USAGE = 2;
    /** The environments differ on a hard fingerprint key and {@code --allow-incomparable} was not given. */
    public static final int NOT_COMPARABLE = 3;
    /** A benchmark failed: it threw, its fork failed, or it timed out or ran out of memory. */
    public static final int BENCHMARK_FAILED = 4;

    private ExitCodes() {}
}
