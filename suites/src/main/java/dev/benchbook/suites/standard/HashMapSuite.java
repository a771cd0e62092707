package dev.benchbook.suites.standard;

import dev.benchbook.Bench;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Insert, lookup (hit and miss) and delete on int keys, per pass over {@code size} keys: the JDK's
 * {@code HashMap}, {@code LinkedHashMap} and {@code TreeMap} with boxed keys and values against
 * fastutil's primitive {@code Int2IntOpenHashMap}. The keys come from the suite seed, the size and the key
 * pattern (not the map), so every map sees the same keys. Params: {@code size}, {@code map} and {@code keys}
 * ({@code random} or {@code sequential}). Hit keys are even, miss keys odd, so a miss never hits.
 * In one JVM the JDK maps share the call sites of {@link Map}; {@code .forks(1)} gives each its own profile.
 */
public final class HashMapSuite implements SuiteFactory {
    /** One map with its keys. */
    record State(String kind, int[] keys, int[] misses, Map<Integer, Integer> jdk, Int2IntOpenHashMap prim) {}

    @Override
    public SuiteSpec create() {
        return Bench.suite("hash-map")
                .description("JDK maps against fastutil's primitive map: insert, lookup hit and miss, delete")
                .param("size", 10_000, 100_000)
                .param("map", "hash-map", "linked-hash-map", "tree-map", "fastutil")
                .param("keys", "random", "sequential")
                .setup(HashMapSuite::state)
                .benchmark("insert", (ctx, s) -> {
                    if (s.prim() != null) {
                        Int2IntOpenHashMap m = new Int2IntOpenHashMap();
                        for (int k : s.keys()) {
                            m.put(k, k + 1);
                        }
                        return (long) m.size();
                    }
                    Map<Integer, Integer> m = empty(s.kind());
                    for (int k : s.keys()) {
                        m.put(k, k + 1);
                    }
                    return (long) m.size();
                })
                .benchmarkLong("lookup.hit", (ctx, s) -> lookup(s, s.keys()))
                .benchmarkLong("lookup.miss", (ctx, s) -> lookup(s, s.misses()))
                .benchmarkLong("delete", (ctx, s) -> {
                    // Remove every key and put it back, so the map is the same for the next call.
                    long sum = 0;
                    if (s.prim() != null) {
                        for (int k : s.keys()) {
                            sum += s.prim().remove(k);
                            s.prim().put(k, k + 1);
                        }
                        return sum;
                    }
                    for (int k : s.keys()) {
                        sum += s.jdk().remove(k);
                        s.jdk().put(k, k + 1);
                    }
                    return sum;
                })
                .build();
    }

    static State state(BenchContext ctx) {
        int n = ctx.intParam("size");
        String kind = ctx.stringParam("map");
        boolean random = switch (ctx.stringParam("keys")) {
            case "random" -> true;
            case "sequential" -> false;
            default -> throw new IllegalArgumentException("param keys=\"" + ctx.stringParam("keys")
                    + "\": must be random or sequential");
        };
        // Keys from the seed, size and key pattern alone, so every map of a combination gets the same keys.
        java.util.Random rnd = new java.util.Random(ctx.seed() ^ (n * 0x9E3779B97F4A7C15L) ^ (random ? 1 : 2));
        int[] keys = new int[n];
        int[] misses = new int[n];
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            int k;
            do {
                k = random ? (rnd.nextInt(Integer.MAX_VALUE / 2)) * 2 : i * 2;
            } while (!seen.add(k));
            keys[i] = k;
            misses[i] = random ? rnd.nextInt(Integer.MAX_VALUE / 2) * 2 + 1 : i * 2 + 1;
        }
        if (kind.equals("fastutil")) {
            Int2IntOpenHashMap m = new Int2IntOpenHashMap();
            m.defaultReturnValue(-1);
            for (int k : keys) {
                m.put(k, k + 1);
            }
            return new State(kind, keys, misses, null, m);
        }
        Map<Integer, Integer> m = empty(kind);
        for (int k : keys) {
            m.put(k, k + 1);
        }
        return new State(kind, keys, misses, m, null);
    }

    static Map<Integer, Integer> empty(String kind) {
        return switch (kind) {
            case "hash-map" -> new HashMap<>();
            case "linked-hash-map" -> new LinkedHashMap<>();
            case "tree-map" -> new TreeMap<>();
            default -> throw new IllegalArgumentException("param map=\"" + kind
                    + "\": must be hash-map, linked-hash-map, tree-map or fastutil");
        };
    }

    private static long lookup(State s, int[] keys) {
        long sum = 0;
        if (s.prim() != null) {
            for (int k : keys) {
                sum += s.prim().get(k);
            }
            return sum;
        }
        for (int k : keys) {
            Integer v = s.jdk().get(k);
            sum += v == null ? -1 : v;
        }
        return sum;
    }
}
