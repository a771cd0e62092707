package dev.benchbook.calibration;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.Suite;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The labeled workloads of the detection evaluation: A (a seeded hash over an int array), A' (the same code
 * as a separate benchmark) and B at 1, 2, 5 and 10% slower (A plus {@link Blackhole#consumeCPU} inside the
 * timed body, its tokens calibrated at start-up). Each run is a fresh in-process suite run of one variant.
 */
final class DetectionWorkload {
    /** Array length: about 200-300 µs per operation on the development VM. */
    static final int SIZE = 120_000;
    static final long SEED = 20261202L;
    /** The injected slowdowns, in percent; the variants are A, A' and one B per slowdown. */
    static final int[] SLOWDOWNS = {1, 2, 5, 10};
    static final String A = "A";
    static final String A_PRIME = "A'";
    /** Tokens of the calibration benchmark that times {@code consumeCPU} alone. */
    static final long CAL_TOKENS = 20_000;

    /** The state every variant reads: the same seeded array. */
    public static final class State {
        final int[] data;

        State(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            data = new int[SIZE];
            for (int i = 0; i < SIZE; i++) {
                data[i] = r.nextInt();
            }
        }
    }

    /** How one run measures: fixed warmup and iterations, so every run is the same kind of job. */
    record Controls(int warmup, int iterations, Duration iterationTime) {
        String describe() {
            return warmup + " warmup + " + iterations + " measured iterations of " + iterationTime.toMillis() + " ms";
        }
    }

    private DetectionWorkload() {}

    /** A serial multiply-xorshift hash of the array: no vectorisation, a dependency chain per element. */
    static long hash(int[] d) {
        long h = 0x9E3779B97F4A7C15L;
        for (int x : d) {
            h ^= x;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    /** The variant names in collection order: A, A', B1, B2, B5, B10. */
    static List<String> variants() {
        List<String> v = new ArrayList<>(List.of(A, A_PRIME));
        for (int s : SLOWDOWNS) {
            v.add("B" + s);
        }
        return v;
    }

    /** The slowdown of variant {@code v} in percent: 0 for A and A'. */
    static int slowdownOf(String v) {
        return v.startsWith("B") ? Integer.parseInt(v.substring(1)) : 0;
    }

    /**
     * One run of {@code variant} with {@code tokens} of extra work (ignored for A and A').
     *
     * @return the measured run
     * @throws IllegalStateException if the run failed
     */
    static BenchmarkRun run(String variant, long tokens, Controls c) {
        Suite<State> s = Bench.suite("detection").setup(ctx -> new State(SEED));
        switch (variant) {
            case A -> s.benchmarkLong("a", (ctx, st) -> hash(st.data));
            case A_PRIME -> s.benchmarkLong("a_prime", (ctx, st) -> hash(st.data));
            default -> s.benchmarkLong(variant.toLowerCase(java.util.Locale.ROOT), (ctx, st) -> {
                long h = hash(st.data);
                Blackhole.consumeCPU(tokens);
                return h;
            });
        }
        Results r = s.warmup(c.warmup()).iterations(c.iterations()).iterationTime(c.iterationTime()).quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        if (run.status() != Status.OK) {
            throw new IllegalStateException("run of " + variant + " " + run.status().label() + ": " + run.error());
        }
        return run;
    }

    /** Calibration of the injected work: A's time and consumeCPU's time per token, each a median of runs. */
    record Calibration(double aNs, double nsPerToken, long[] tokens) {
        long tokensFor(String variant) {
            int s = slowdownOf(variant);
            for (int i = 0; i < SLOWDOWNS.length; i++) {
                if (SLOWDOWNS[i] == s) {
                    return tokens[i];
                }
            }
            return 0;
        }
    }

    /** Times A and {@code consumeCPU(CAL_TOKENS)} in {@code repeats} alternating runs each. */
    static Calibration calibrate(Controls c, int repeats) {
        double[] a = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            a[i] = mean(run(A, 0, c).wallNsPerOp());
            Results r = Bench.suite("detection.calibration").benchmarkLong("cpu", ctx -> {
                Blackhole.consumeCPU(CAL_TOKENS);
                return 0L;
            }).warmup(c.warmup()).iterations(c.iterations()).iterationTime(c.iterationTime()).quiet().run();
            cpu[i] = mean(r.result().runs().get(0).wallNsPerOp());
        }
        double aNs = median(a);
        double perToken = median(cpu) / CAL_TOKENS;
        long[] tokens = new long[SLOWDOWNS.length];
        for (int i = 0; i < SLOWDOWNS.length; i++) {
            tokens[i] = Math.max(1, Math.round(SLOWDOWNS[i] / 100.0 * aNs / perToken));
        }
        return new Calibration(aNs, perToken, tokens);
    }

    static double mean(double[] xs) {
        return Arrays.stream(xs).average().orElse(Double.NaN);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
