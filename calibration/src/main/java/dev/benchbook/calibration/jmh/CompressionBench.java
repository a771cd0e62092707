package dev.benchbook.calibration.jmh;

import dev.benchbook.calibration.workload.CompressionWork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** {@link CompressionWork#compress} of the seeded 64 KiB buffer. */
@State(Scope.Thread)
public class CompressionBench {
    private CompressionWork work;

    @Setup
    public void setUp() {
        work = new CompressionWork();
    }

    @TearDown
    public void tearDown() {
        work.close();
    }

    @Benchmark
    public long deflate() {
        return work.compress();
    }
}
