package dev.benchbook.harness;

import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.Benchmark;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.DoubleBenchmark;
import dev.benchbook.spec.LongBenchmark;
import dev.benchbook.spec.StatefulBenchmark;
import dev.benchbook.spec.StatefulDoubleBenchmark;
import dev.benchbook.spec.StatefulLongBenchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The timed loops, one per body shape. Never called directly: {@link LoopFactory} defines a fresh
 * hidden copy of this class for every benchmark run, so that each copy's call site {@code
 * body.run(...)} sees a single receiver type. One loop shared by all benchmark lambdas would turn
 * megamorphic after the third, stop inlining the body, and add its dispatch cost and polluted
 * profile to every figure.
 *
 * <p>Each loop reads the volatile {@link LoopControl#stop} on every invocation, as JMH reads its
 * {@code isDone}: it bounds how long a cancelled run keeps going and keeps the JIT from hoisting
 * loads of the benchmark's state out of the loop.
 */
final class MeasurementLoop implements LoopFactory.BoundLoop {
    private final Clock clock;
    private final BenchmarkSpec.Shape shape;
    private final Object body;
    private final BenchContext ctx;
    private final Object state;
    private final Blackhole bh;
    private final LoopControl control;
    private final LoopArgs.Box box;

    MeasurementLoop(LoopArgs args) {
        this.clock = args.clock();
        this.shape = args.shape();
        this.body = args.body();
        this.ctx = args.ctx();
        this.state = args.state();
        this.bh = args.bh();
        this.control = args.control();
        this.box = args.box();
    }

    /**
     * Runs one timed batch. Called through the {@link LoopFactory.BoundLoop} interface once per
     * batch, outside the timed region; the copy's own loop method does the timing.
     */
    @Override
    @SuppressWarnings("unchecked")
    public long time(long n) throws Exception {
        return switch (shape) {
            case OBJECT -> switch (box) {
                case DOUBLE -> objectDouble(clock, (Benchmark) body, ctx, bh, control, n);
                case INT -> objectInt(clock, (Benchmark) body, ctx, bh, control, n);
                case LONG -> objectLong(clock, (Benchmark) body, ctx, bh, control, n);
                case OTHER -> object(clock, (Benchmark) body, ctx, state, bh, control, n);
            };
            case STATEFUL_OBJECT -> switch (box) {
                case DOUBLE -> statefulObjectDouble(clock, (StatefulBenchmark<Object>) body, ctx, state, bh, control, n);
                case INT -> statefulObjectInt(clock, (StatefulBenchmark<Object>) body, ctx, state, bh, control, n);
                case LONG -> statefulObjectLong(clock, (StatefulBenchmark<Object>) body, ctx, state, bh, control, n);
                case OTHER -> statefulObject(clock, (StatefulBenchmark<Object>) body, ctx, state, bh, control, n);
            };
            case DOUBLE -> doubleValued(clock, (DoubleBenchmark) body, ctx, state, bh, control, n);
            case STATEFUL_DOUBLE -> statefulDoubleValued(clock, (StatefulDoubleBenchmark<Object>) body, ctx, state, bh,
                    control, n);
            case LONG -> longValued(clock, (LongBenchmark) body, ctx, state, bh, control, n);
            case STATEFUL_LONG -> statefulLongValued(clock, (StatefulLongBenchmark<Object>) body, ctx, state, bh,
                    control, n);
            case COMMAND -> throw new UnsupportedOperationException("an external command has no timed loop");
            case LOAD -> throw new UnsupportedOperationException("a load benchmark has no timed loop");
        };
    }

    static long object(Clock clock, Benchmark body, BenchContext ctx, Object state, Blackhole bh, LoopControl control,
            long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            bh.consume(body.run(ctx));
        }
        return clock.nanoTime() - start;
    }

    /**
     * Consumes a generic result whose type differs from what the trial call returned: a box of a
     * primitive by its primitive value, anything else as itself. Off the usual path: a body whose
     * trial call returned a box gets a loop that checks for that one box type, and a body that
     * returned anything else gets a loop that consumes the object directly.
     */
    static void consume(Blackhole bh, Object r) {
        if (r instanceof Double d) {
            bh.consume(d.doubleValue());
        } else if (r instanceof Integer i) {
            bh.consume(i.intValue());
        } else if (r instanceof Long l) {
            bh.consume(l.longValue());
        } else if (r instanceof Boolean b) {
            bh.consume(b.booleanValue());
        } else if (r instanceof Float f) {
            bh.consume(f.floatValue());
        } else if (r instanceof Character c) {
            bh.consume(c.charValue());
        } else if (r instanceof Short s) {
            bh.consume(s.shortValue());
        } else if (r instanceof Byte b) {
            bh.consume(b.byteValue());
        } else {
            bh.consume(r);
        }
    }

    // Generic bodies that returned a box on the trial call: one type check, then the primitive value, so
    // that once the body is inlined the JIT's escape analysis removes the box (a body that returns
    // another type later still works, consumed as an object).

    static long objectDouble(Clock clock, Benchmark body, BenchContext ctx, Blackhole bh, LoopControl control, long n)
            throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            Object r = body.run(ctx);
            if (r instanceof Double d) {
                bh.consume(d.doubleValue());
            } else {
                consume(bh, r);
            }
        }
        return clock.nanoTime() - start;
    }

    static long objectInt(Clock clock, Benchmark body, BenchContext ctx, Blackhole bh, LoopControl control, long n)
            throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            Object r = body.run(ctx);
            if (r instanceof Integer v) {
                bh.consume(v.intValue());
            } else {
                consume(bh, r);
            }
        }
        return clock.nanoTime() - start;
    }

    static long objectLong(Clock clock, Benchmark body, BenchContext ctx, Blackhole bh, LoopControl control, long n)
            throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            Object r = body.run(ctx);
            if (r instanceof Long v) {
                bh.consume(v.longValue());
            } else {
                consume(bh, r);
            }
        }
        return clock.nanoTime() - start;
    }

    static long statefulObjectDouble(Clock clock, StatefulBenchmark<Object> body, BenchContext ctx, Object state,
            Blackhole bh, LoopControl control, long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            Object r = body.run(ctx, state);
            if (r instanceof Double d) {
                bh.consume(d.doubleValue());
            } else {
                consume(bh, r);
            }
        }
        return clock.nanoTime() - start;
    }

    static long statefulObjectInt(Clock clock, StatefulBenchmark<Object> body, BenchContext ctx, Object state,
            Blackhole bh, LoopControl control, long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            Object r = body.run(ctx, state);
            if (r instanceof Integer v) {
                bh.consume(v.intValue());
            } else {
                consume(bh, r);
            }
        }
        return clock.nanoTime() - start;
    }

    static long statefulObjectLong(Clock clock, StatefulBenchmark<Object> body, BenchContext ctx, Object state,
            Blackhole bh, LoopControl control, long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            Object r = body.run(ctx, state);
            if (r instanceof Long v) {
                bh.consume(v.longValue());
            } else {
                consume(bh, r);
            }
        }
        return clock.nanoTime() - start;
    }

    static long statefulObject(Clock clock, StatefulBenchmark<Object> body, BenchContext ctx, Object state,
            Blackhole bh, LoopControl control, long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            bh.consume(body.run(ctx, state));
        }
        return clock.nanoTime() - start;
    }

    static long doubleValued(Clock clock, DoubleBenchmark body, BenchContext ctx, Object state, Blackhole bh,
            LoopControl control, long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            bh.consume(body.run(ctx));
        }
        return clock.nanoTime() - start;
    }

    static long statefulDoubleValued(Clock clock, StatefulDoubleBenchmark<Object> body, BenchContext ctx, Object state,
            Blackhole bh, LoopControl control, long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            bh.consume(body.run(ctx, state));
        }
        return clock.nanoTime() - start;
    }

    static long longValued(Clock clock, LongBenchmark body, BenchContext ctx, Object state, Blackhole bh,
            LoopControl control, long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            bh.consume(body.run(ctx));
        }
        return clock.nanoTime() - start;
    }

    static long statefulLongValued(Clock clock, StatefulLongBenchmark<Object> body, BenchContext ctx, Object state,
            Blackhole bh, LoopControl control, long n) throws Exception {
        long start = clock.nanoTime();
        for (long i = 0; i < n && !control.stop; i++) {
            bh.consume(body.run(ctx, state));
        }
        return clock.nanoTime() - start;
    }
}
