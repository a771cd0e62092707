package dev.benchbook.calibration.report;

/** The two tools under comparison. */
public enum Tool {
    JMH("JMH"),
    BENCHBOOK("Benchbook");

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    /** The name shown in reports. */
    public String label() {
        return label;
    }
}
