package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generic {@code .benchmark(name, (ctx, s) -> ...)} form returning a primitive: its loop copy
 * consumes the box by its primitive value, so once C2 has inlined the body (the lambda, {@code
 * Double.valueOf} and {@code doubleValue}, as {@code -XX:+PrintInlining} shows) escape analysis
 * removes the box and a measured batch of millions of invocations allocates nothing at all.
 */
class GenericBoxingTest {

    private static String describe(BenchmarkRun run) {
        return run.samples().stream()
                .map(s -> (s.warmup() ? "warmup " : "measured ") + s.allocBytesPerOp() + " B/op, batch " + s.batchSize())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void genericBodyReturningABoxedDoubleAllocatesNothingAfterWarmup() {
        BenchmarkRun run = Bench.suite("boxing").setup(ctx -> new double[] {1.0001})
                .benchmark("math.log", (ctx, s) -> Math.log(s[0]))
                .iterations(5).warmup(10).iterationTime(Duration.ofMillis(50)).quiet().run().result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        assertEquals(5, run.measured().size());
        for (IterationSample s : run.measured()) {
            assertEquals(0.0, s.allocBytesPerOp(), () -> "a box per invocation was allocated:\n" + describe(run));
        }
    }

    @Test
    void aBoxThatEscapesIsCountedSoTheZeroAboveIsMeaningful() {
        // The same body, but the box is also stored in the state: it escapes, and every invocation
        // allocates one Double (16 to 24 bytes, by the object layout).
        BenchmarkRun run = Bench.suite("boxing").setup(ctx -> new Object[] {1.0001, null})
                .benchmark("math.log", (ctx, s) -> {
                    Double d = Math.log((Double) s[0]);
                    s[1] = d;
                    return d;
                })
                .iterations(3).warmup(3).iterationTime(Duration.ofMillis(20)).quiet().run().result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        for (IterationSample s : run.measured()) {
            assertTrue(s.allocBytesPerOp() >= 16 && s.allocBytesPerOp() <= 25, describe(run));
        }
    }
}
