package dev.benchbook.calibration.jmh;

import dev.benchbook.calibration.workload.Sorting;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@link Sorting#sortCopy} of 10k and 100k random ints. */
@State(Scope.Thread)
public class SortingBench {
    @Param({"10000", "100000"})
    public int size;

    private int[] data;

    @Setup
    public void setUp() {
        data = Sorting.data(size);
    }

    @Benchmark
    public int[] sort() {
        return Sorting.sortCopy(data);
    }
}
