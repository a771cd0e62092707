package dev.benchbook.load;

import dev.benchbook.spec.BenchContext;

/**
 * The body of a load benchmark ({@code Suite.load(name, body)}): given the context and the state that the
 * suite's setup built (typically a server it started), it returns the {@link Load} that one iteration runs.
 * {@link LoadRunner} calls it once per iteration, warmup included, and runs what it returns.
 * <pre>{@code
 * Bench.suite("hello")
 *     .setup(ctx -> LoopbackServer.start())
 *     .teardown((ctx, server) -> server.close())
 *     .load("steady", (ctx, server) -> Load.http(server.uri("/hello")).rate(2000)
 *         .warmup(Duration.ZERO).duration(Duration.ofSeconds(1)))
 * }</pre>
 *
 * @param <S> the type of the setup's state
 */
@FunctionalInterface
public interface LoadBenchmark<S> {
    /** The load of one iteration; its run must be open-model or closed-loop over one steady window. */
    Load load(BenchContext ctx, S state) throws Exception;
}
