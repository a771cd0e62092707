package dev.benchbook.regress;

/** The outcome of one benchmark × params × metric comparison. */
public enum Verdict {
    /** Worse, beyond the noise and beyond the smallest change that matters. */
    REGRESSION,
    /** Better, by the same rules. */
    IMPROVEMENT,
    /** Shown to be equal within the equivalence margin (an equivalence test, not a failed difference test). */
    NO_CHANGE,
    /** Neither shown: the evidence is too noisy or too thin, or the two sides were not compared. */
    INCONCLUSIVE;

    /** {@code regression}, {@code improvement}, {@code no_change} or {@code inconclusive}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
