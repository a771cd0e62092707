package dev.benchbook.baseline;

/** A baseline that is missing, badly named or unreadable; the message names it, the rule and the fix. */
public class BaselineException extends IllegalArgumentException {
    private final boolean missing;

    public BaselineException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
        this.missing = false;
    }

    /** Whether the baseline does not exist (as opposed to being unreadable or badly named). */
    public boolean missing() {
        return missing;
    }
}
