package dev.benchbook.analysis;

import dev.benchbook.spec.ParamSet;

/** Something a run's verification found wrong, with the numbers that show it. */
public sealed interface Finding
        permits NonDeterministicOutput, TimingVariance, MemoryVariance, ExpectationViolated {

    /** The finding's kind, its class's simple name, e.g. {@code NonDeterministicOutput}. */
    default String kind() {
        return getClass().getSimpleName();
    }

    /** The benchmark it concerns. */
    String benchmark();

    /** The param combination it concerns. */
    ParamSet params();

    /** The measured value that broke the rule (a hash for NonDeterministicOutput). */
    double actual();

    /** The rule's bound (the expected hash for NonDeterministicOutput). */
    double bound();

    /** One sentence with the numbers, the rule and what to do. */
    String message();
}
