package dev.benchbook.calibration.report;

/**
 * One target checked.
 *
 * @param name what is checked
 * @param measured the measured value, formatted
 * @param target the target, formatted, e.g. {@code ≤ 3%}
 * @param pass whether the target is met
 */
public record Verdict(String name, String measured, String target, boolean pass) {

    /** {@code PASS} or {@code MISS}. */
    public String label() {
        return pass ? "PASS" : "MISS";
    }
}
