package dev.benchbook.harness;

import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.BenchmarkSpec;
import org.openjdk.jmh.infra.Blackhole;

/** What a measurement-loop copy is bound to: one benchmark run's body, context, state and Blackhole. */
record LoopArgs(Clock clock, BenchmarkSpec.Shape shape, Object body, BenchContext ctx, Object state, Blackhole bh,
        LoopControl control, Box box) {

    /**
     * What a generic benchmark returned on a trial call, so that its loop can consume that box by its
     * primitive value with a single type check.
     */
    enum Box {
        DOUBLE, INT, LONG, OTHER;

        static Box of(Object sample) {
            return sample instanceof Double ? DOUBLE : sample instanceof Integer ? INT : sample instanceof Long ? LONG
                    : OTHER;
        }
    }
}
