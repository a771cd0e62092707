package dev.benchbook.harness;

import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.BenchmarkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Makes a private copy of {@link MeasurementLoop} per benchmark run, as a hidden class defined from
 * the template's own bytecode, and binds it to that run's body, state and Blackhole. The copy is
 * called through the {@link BoundLoop} interface: a plain interface call, once per batch, that
 * allocates nothing the allocation counter could see.
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
            LoopControl control, LoopArgs.Box box) {
        try {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(TEMPLATE, true);
            var constructor = copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class, LoopArgs.class));
            return (BoundLoop) constructor.invoke(new LoopArgs(clock, bench.shape(), bench.body(), ctx, state, bh, control, box));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the measurement loop: " + e, e);
        }
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
