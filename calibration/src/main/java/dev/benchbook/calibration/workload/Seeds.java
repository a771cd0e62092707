package dev.benchbook.calibration.workload;

import java.util.SplittableRandom;

/** The seed every workload's state is built from, so both tools see the same data in every JVM. */
public final class Seeds {
    private Seeds() {}

    /** The seed of all calibration state: 42. */
    public static final long SEED = 42L;

    /** A fresh random source on {@link #SEED}, salted per workload so workloads do not share a sequence. */
    public static SplittableRandom random(String workload) {
        return new SplittableRandom(SEED ^ workload.hashCode());
    }
}
