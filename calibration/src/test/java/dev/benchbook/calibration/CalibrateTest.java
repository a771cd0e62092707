package dev.benchbook.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrateTest {
    @Test
    void acceptsTheRequiredFlags() {
        assertEquals(List.of(), Calibrate.flagProblems(Calibrate.REQUIRED_FLAGS));
    }

    @Test
    void reportsEachMissingFlagAndEachJitLimit() {
        List<String> args = new ArrayList<>(Calibrate.REQUIRED_FLAGS.subList(0, 1));
        args.add("-XX:TieredStopAtLevel=1");
        List<String> problems = Calibrate.flagProblems(args);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(2).contains("TieredStopAtLevel"), problems.get(2));
    }

    @Test
    void parsesOptionsAndReportsEveryBadOneAtOnce() {
        Calibrate.Options o = Calibrate.Options.parse(new String[] {"--rounds", "2", "--only", "sort", "--quick"});
        assertEquals(2, o.rounds);
        assertTrue(o.quick);
        assertTrue(o.only.matcher("sort.10k").find());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Calibrate.Options.parse(new String[] {"--rounds", "0", "--bogus", "--only"}));
        assertTrue(e.getMessage().contains("--rounds 0") && e.getMessage().contains("--bogus")
                && e.getMessage().contains("--only: needs a value"), e.getMessage());
    }

    @Test
    void exitsWithUsageCodeOnBadArguments() {
        var err = new ByteArrayOutputStream();
        int code = Calibrate.run(new String[] {"--rounds", "x"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Calibrate.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }

    @Test
    void everyWorkloadHasAUniqueIdAndAValidSuite() {
        List<Workload> all = Workloads.all();
        assertEquals(all.size(), all.stream().map(Workload::id).distinct().count());
        all.forEach(w -> w.benchbook().get().build());
    }
}
