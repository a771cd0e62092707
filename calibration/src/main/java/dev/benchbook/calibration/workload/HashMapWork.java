package dev.benchbook.calibration.workload;

import java.util.HashMap;

/** Building a {@link HashMap} of boxed int keys, then looking every key up. */
public final class HashMapWork {
    private HashMapWork() {}

    /** The number of keys: 10,000. */
    public static final int SIZE = 10_000;

    /** {@link #SIZE} random keys, boxed once here so that the timed work does not box them. */
    public static Integer[] keys() {
        return Seeds.random("hashmap").ints(SIZE).boxed().toArray(Integer[]::new);
    }

    /** Puts every key mapped to itself into a new map, then sums the lookups of every key. */
    public static long putGet(Integer[] keys) {
        HashMap<Integer, Integer> map = new HashMap<>();
        for (Integer k : keys) {
            map.put(k, k);
        }
        long sum = 0;
        for (Integer k : keys) {
            sum += map.get(k);
        }
        return sum;
    }
}
