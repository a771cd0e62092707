package dev.benchbook.regress;

import java.util.Locale;

/**
 * What a verdict rests on. The unit of evidence is always a run or a fork, never an iteration: the
 * iterations of one run share the machine's momentary state, so treating them as independent makes
 * nominal tests lie.
 */
public enum Evidence {
    /** Paired per-round log-ratios of A and B runs interleaved in random order. */
    ROUNDS,
    /** Per-fork means of both sides (at least 2 forks a side), Welch's t on their logs. */
    FORKS,
    /** The run-to-run spread of the benchmark's history, one run a side. */
    HISTORY,
    /** One run a side and no history: the minimum effect margin on a robust (median) estimate. */
    MARGIN,
    /** A nearly deterministic metric (bytes allocated, instructions): a tight tolerance, no test. */
    DETERMINISTIC,
    /** Nothing compared (see the reason). */
    NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
