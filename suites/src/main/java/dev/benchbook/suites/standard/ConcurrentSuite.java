package dev.benchbook.suites.standard;

import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent structures under 1, 2 and 4 threads ({@code .threads(1, 2, 4)}, a {@code threads} param):
 * {@code ConcurrentHashMap} get and merge on seeded keys, {@code AtomicLong} against {@code LongAdder}
 * increments, and an offer-then-poll pair on {@code ConcurrentLinkedQueue} and {@code ArrayBlockingQueue}.
 * Every thread walks the same seeded key sequence from its own offset. Param {@code key_count}: how many
 * distinct map keys (few keys, more contention).
 */
public final class ConcurrentSuite implements SuiteFactory {
    static final int STRIDE = 16;

    /** The shared structures and each thread's cursor (spaced by {@link #STRIDE} longs against false sharing). */
    static final class State {
        final int[] keys;
        final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
        final AtomicLong atomic = new AtomicLong();
        final LongAdder adder = new LongAdder();
        final ConcurrentLinkedQueue<Integer> clq = new ConcurrentLinkedQueue<>();
        final ArrayBlockingQueue<Integer> abq = new ArrayBlockingQueue<>(4096);
        final long[] cursors = new long[64 * STRIDE];

        State(int[] keys) {
            this.keys = keys;
            for (int k : keys) {
                map.put(k, 1);
            }
        }

        int next(int thread) {
            int i = thread * STRIDE;
            long c = cursors[i]++;
            return keys[(int) ((c + thread * 7919L) % keys.length)];
        }
    }

    @Override
    public SuiteSpec create() {
        return Bench.suite("concurrent")
                .description("ConcurrentHashMap, AtomicLong against LongAdder, and queues across thread counts")
                .param("key_count", 1_024, 65_536)
                .threads(1, 2, 4)
                .setup(ctx -> {
                    int n = ctx.intParam("key_count");
                    return new State(ctx.random().ints(n, 0, Integer.MAX_VALUE).distinct().toArray());
                })
                .benchmarkLong("chm.get", (ctx, s) -> s.map.get(s.next(ctx.threadIndex())) != null ? 1 : 0)
                .benchmarkLong("chm.merge", (ctx, s) -> s.map.merge(s.next(ctx.threadIndex()), 1, Integer::sum) > 0 ? 1 : 0)
                .benchmarkLong("atomic-long.increment", (ctx, s) -> s.atomic.incrementAndGet() > 0 ? 1 : 0)
                .benchmarkLong("long-adder.increment", (ctx, s) -> { s.adder.increment(); return 1; })
                .benchmarkLong("clq.offer-poll", (ctx, s) -> {
                    s.clq.offer(ctx.threadIndex());
                    return s.clq.poll() != null ? 1 : 0;
                })
                .benchmarkLong("abq.offer-poll", (ctx, s) -> {
                    s.abq.offer(ctx.threadIndex());
                    return s.abq.poll() != null ? 1 : 0;
                })
                .build();
    }
}
