package dev.benchbook.harness;

import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.Benchmark;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.DoubleBenchmark;
import dev.benchbook.spec.LongBenchmark;
import dev.benchbook.spec.StatefulBenchmark;
import dev.benchbook.spec.StatefulDoubleBenchmark;
import dev.benchbook.spec.StatefulLongBenchmark;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Makes a private copy of {@link MeasurementLoop} per benchmark run, as a hidden class defined from
 * the template's own bytecode, and binds it to that run's body, state and Blackhole.
 */
final class LoopFactory {
    private static final byte[] TEMPLATE = readTemplate();

    private LoopFactory() {}

    /** A timed loop bound to one benchmark run. */
    interface BoundLoop {
        /** Times {@code n} invocations and returns their wall nanoseconds. */
        long time(long n) throws Exception;
    }

    /** Defines a fresh loop copy and binds it to {@code bench} with the given context and state. */
    static BoundLoop bind(BenchmarkSpec bench, Clock clock, BenchContext ctx, Object state, Blackhole bh,
            LoopControl control) {
        try {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(TEMPLATE, true);
            MethodHandle loop = switch (bench.shape()) {
                case OBJECT -> find(copy, "object", Benchmark.class);
                case STATEFUL_OBJECT -> find(copy, "statefulObject", StatefulBenchmark.class);
                case DOUBLE -> find(copy, "doubleValued", DoubleBenchmark.class);
                case STATEFUL_DOUBLE -> find(copy, "statefulDoubleValued", StatefulDoubleBenchmark.class);
                case LONG -> find(copy, "longValued", LongBenchmark.class);
                case STATEFUL_LONG -> find(copy, "statefulLongValued", StatefulLongBenchmark.class);
            };
            // Bind everything but n once, so each batch costs one handle call outside the timed loop.
            MethodHandle bound = MethodHandles.insertArguments(loop, 0, clock, bench.body(), ctx, state, bh, control);
            return n -> {
                try {
                    return (long) bound.invokeExact(n);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot define the measurement loop: " + e, e);
        }
    }

    private static MethodHandle find(MethodHandles.Lookup copy, String name, Class<?> bodyType)
            throws ReflectiveOperationException {
        MethodType type = MethodType.methodType(long.class, Clock.class, bodyType, BenchContext.class, Object.class,
                Blackhole.class, LoopControl.class, long.class);
        return copy.findStatic(copy.lookupClass(), name, type);
    }

    private static byte[] readTemplate() {
        String resource = MeasurementLoop.class.getSimpleName() + ".class";
        try (InputStream in = MeasurementLoop.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
