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
        if (!Callgrind.available()) {
            return new Outcome(null, "instruction counts unsupported: " + Callgrind.reason());
        }
        CallgrindResult r;
        try {
            r = Callgrind.count(argv, dir, stdin, timeout);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return new Outcome(null, "instruction counting failed: " + e.getMessage());
        }
        if (r.exitStatus() != 0) {
            return new Outcome(null, "under valgrind the program exited with " + r.exitStatus() + ": "
                    + BuildCache.tail(r.stderr().strip()));
        }
        long l1 = r.i1Misses() + r.d1Misses();
        return new Outcome(new InstructionCounts(r.instructions(), l1, r.llMisses(), r.estimatedCycles(),
                r.indicative() || impl.managedRuntime(), args, r.valgrindVersion() + ": " + String.join(" ",
                        r.command()), r.profile()), "");
    }
}
