package dev.benchbook.harness;

import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.BenchmarkSpec;
import org.openjdk.jmh.infra.Blackhole;

/** What a measurement-loop copy is bound to: one benchmark run's body, context, state and Blackhole. */
record LoopArgs(Clock clock, BenchmarkSpec.Shape shape, Object body, BenchContext ctx, Object state, Blackhole bh,
        LoopControl control) {}
