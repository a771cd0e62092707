package dev.benchbook.spec;

import java.util.Map;
import java.util.Random;

/**
 * What a benchmark's code receives: the current param values and a seeded random source.
 *
 * <p>The random source is seeded from the suite seed and the param combination (not the benchmark
 * name), so every benchmark of a combination sees the same data, and the same seed gives the same
 * data in every JVM. {@link Random} is used because its sequence is fixed by its specification.
 */
public final class BenchContext {
    private final String suite;
    private final String benchmark;
    private final ParamSet params;
    private final long seed;
    private final Random random;
    private final CustomMetrics metrics;
    private final int threadIndex;
    private final int threadCount;

    /** Creates the context of one benchmark at one param combination, on one thread. */
    public BenchContext(String suite, String benchmark, ParamSet params, long seed) {
        this(suite, benchmark, params, seed, 0, 1);
    }

    private BenchContext(String suite, String benchmark, ParamSet params, long seed, int threadIndex, int threadCount) {
        this.suite = suite;
        this.benchmark = benchmark;
        this.params = params;
        this.seed = seed;
        this.random = new Random(mix(seed, params.key()));
        this.metrics = new CustomMetrics(params.values().keySet());
        this.threadIndex = threadIndex;
        this.threadCount = threadCount;
    }

    /**
     * The context of thread {@code index} of {@code count} running this benchmark together ({@code
     * .threads(n)}): the same params and seed, so the same random sequence, and its own custom metrics.
     */
    public BenchContext forThread(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("forThread(index=" + index + ", count=" + count
                    + "): need 0 <= index < count and count >= 1");
        }
        return new BenchContext(suite, benchmark, params, seed, index, count);
    }

    /** Which of the benchmark's threads this is, from 0; always 0 without {@code .threads(n)}. */
    public int threadIndex() {
        return threadIndex;
    }

    /** How many threads run the benchmark body together; 1 without {@code .threads(n)}. */
    public int threadCount() {
        return threadCount;
    }

    /** The seeded random source of this benchmark run; same seed and params, same sequence. */
    public Random random() {
        return random;
    }

    /**
     * Reports a figure of this benchmark's own, such as rows processed or a compression ratio. An
     * iteration's value is the mean of the values reported during it (its timed batch and its
     * untimed verification call); it shows in the samples as column {@code name} and in the summary as
     * {@code name}, {@code name_ci_low} and {@code name_ci_high}. Reporting a name seen before
     * allocates nothing, so it may be called on every invocation.
     *
     * @param name a lowercase identifier ({@code [a-z][a-z0-9_]*}) that is not a built-in metric, a fixed
     *     result column or a param, and does not end in {@code _ci_low} or {@code _ci_high}
     * @param value a finite number
     * @throws IllegalArgumentException on a bad name or value; the benchmark run then fails with it
     */
    public void metric(String name, double value) {
        metrics.record(name, value);
    }

    /** The accumulator behind {@link #metric}, for the harness. */
    public CustomMetrics customMetrics() {
        return metrics;
    }

    /** The suite seed, as set with {@code .seed(long)}. */
    public long seed() {
        return seed;
    }

    /** The suite's name. */
    public String suite() {
        return suite;
    }

    /** The benchmark's name. */
    public String benchmark() {
        return benchmark;
    }

    /** All param values of this run, in declaration order. */
    public Map<String, Object> params() {
        return params.values();
    }

    /**
     * The value of param {@code name}.
     *
     * @throws IllegalArgumentException if the suite declares no such param
     */
    public Object param(String name) {
        Object v = params.values().get(name);
        if (v == null) {
            throw new IllegalArgumentException("param(\"" + name + "\"): no such param; declared params are "
                    + params.values().keySet() + "; declare it with .param(\"" + name + "\", values...)");
        }
        return v;
    }

    /**
     * The value of param {@code name} as an int.
     *
     * @throws IllegalArgumentException if there is no such param, or its value is not an integral
     *     number within int range
     */
    public int intParam(String name) {
        long v = longParam(name);
        if (v != (int) v) {
            throw new IllegalArgumentException("intParam(\"" + name + "\"): value " + v
                    + " does not fit in an int; use longParam(\"" + name + "\")");
        }
        return (int) v;
    }

    /**
     * The value of param {@code name} as a long.
     *
     * @throws IllegalArgumentException if there is no such param or its value is not integral
     */
    public long longParam(String name) {
        Object v = param(name);
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the common message
            }
        }
        throw new IllegalArgumentException("param(\"" + name + "\"): value " + describe(v)
                + " is not an integer; declare integer values or use param(\"" + name + "\")");
    }

    /**
     * The value of param {@code name} as a double.
     *
     * @throws IllegalArgumentException if there is no such param or its value is not a number
     */
    public double doubleParam(String name) {
        Object v = param(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("param(\"" + name + "\"): value " + describe(v)
                + " is not a number; declare numeric values or use param(\"" + name + "\")");
    }

    /** The value of param {@code name} as text ({@code String.valueOf}). */
    public String stringParam(String name) {
        return String.valueOf(param(name));
    }

    private static String describe(Object v) {
        return (v instanceof String ? "\"" + v + "\"" : String.valueOf(v)) + " (" + v.getClass().getSimpleName() + ")";
    }

    /** SplitMix64 over the seed and a FNV-1a hash of the key: stable across JVMs and runs. */
    static long mix(long seed, String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        long z = seed + h + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "BenchContext[" + suite + "/" + benchmark + (params.values().isEmpty() ? "" : " " + params) + "]";
    }
}
