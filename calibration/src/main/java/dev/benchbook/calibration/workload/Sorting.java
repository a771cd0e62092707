package dev.benchbook.calibration.workload;

import java.util.Arrays;

/** Sorting a copy of an array of random ints. */
public final class Sorting {
    private Sorting() {}

    /** {@code n} uniformly random ints, seeded per size. */
    public static int[] data(int n) {
        return Seeds.random("sort." + n).ints(n).toArray();
    }

    /** Copies {@code data} and sorts the copy with {@link Arrays#sort(int[])}; returns the copy. */
    public static int[] sortCopy(int[] data) {
        int[] copy = data.clone();
        Arrays.sort(copy);
        return copy;
    }
}
