package dev.benchbook.calibration.jmh;

import dev.benchbook.calibration.workload.HashMapWork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@link HashMapWork#putGet} over 10k boxed keys. */
@State(Scope.Thread)
public class HashMapBench {
    private Integer[] keys;

    @Setup
    public void setUp() {
        keys = HashMapWork.keys();
    }

    @Benchmark
    public long putGet() {
        return HashMapWork.putGet(keys);
    }
}
