package dev.benchbook.calibration.jmh;

import dev.benchbook.calibration.workload.StringWork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@link StringWork#joinSplit} of 1,000 tokens. */
@State(Scope.Thread)
public class StringBench {
    private String[] tokens;

    @Setup
    public void setUp() {
        tokens = StringWork.tokens();
    }

    @Benchmark
    public String[] joinSplit() {
        return StringWork.joinSplit(tokens);
    }
}
