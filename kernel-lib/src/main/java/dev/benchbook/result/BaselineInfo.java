package dev.benchbook.result;

import java.time.Instant;
import java.util.Map;

/**
 * What makes a stored run a baseline: its name, when it was saved, and the fingerprint of the environment it
 * was measured in. The commit, branch and timestamp of the measurement are the run's own ({@link
 * RunResult#git()}, {@link RunResult#started()}).
 *
 * @param name the baseline's name, e.g. {@code main}
 * @param saved when it was saved (or promoted)
 * @param fingerprintHash a short hash of the hard keys
 * @param hard the hard keys of the environment fingerprint
 * @param soft the soft keys
 */
public record BaselineInfo(String name, Instant saved, String fingerprintHash, Map<String, String> hard,
        Map<String, String> soft) {
    public BaselineInfo {
        hard = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hard));
        soft = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(soft));
    }
}
