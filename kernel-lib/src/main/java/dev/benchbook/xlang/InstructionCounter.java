package dev.benchbook.xlang;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Counts one implementation's instructions under callgrind, for {@link ComparisonRunner}. */
final class InstructionCounter {
    private InstructionCounter() {}

    /** The counts, or why there are none. */
    record Outcome(InstructionCounts counts, String problem) {}

    static Outcome count(Implementation impl, List<String> argv, Path dir, Path stdin, List<String> args,
            Duration timeout) throws InterruptedException {
        return new Outcome(null, "TEMPORARY: not wired yet");
    }
}
