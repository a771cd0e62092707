package dev.benchbook.calibration.workload;

import java.util.SplittableRandom;

/**
 * A degree-12 polynomial evaluated by Horner's rule: a few nanoseconds of pure arithmetic that the
 * JIT can delete when its result is unused and fold when its input is a constant. {@code Math.log}
 * shows neither pitfall on HotSpot 17 (it is an intrinsic stub the JIT does not remove); this does.
 */
public final class Horner {
    private Horner() {}

    /** The literal input of the constant-folding variant. */
    public static final double CONSTANT_X = 0.7;

    /** A seeded input in [0.5, 1), built at setup so the JIT cannot know it. */
    public static double x() {
        SplittableRandom r = Seeds.random("horner");
        return 0.5 + r.nextDouble() / 2;
    }

    /**
     * Benchbook's state for the polynomial: one non-final field, read on every invocation as JMH reads
     * a field of its {@code @State} object.
     */
    public static final class Input {
        /** The point to evaluate at; {@link Horner#x()} unless set otherwise. */
        public double x = x();
    }

    /** Evaluates the fixed degree-12 polynomial at {@code x}. */
    public static double eval(double x) {
        double r = 1.0 / 13;
        r = r * x + 1.0 / 12;
        r = r * x + 1.0 / 11;
        r = r * x + 1.0 / 10;
        r = r * x + 1.0 / 9;
        r = r * x + 1.0 / 8;
        r = r * x + 1.0 / 7;
        r = r * x + 1.0 / 6;
        r = r * x + 1.0 / 5;
        r = r * x + 1.0 / 4;
        r = r * x + 1.0 / 3;
        r = r * x + 1.0 / 2;
        r = r * x + 1.0;
        return r;
    }
}
