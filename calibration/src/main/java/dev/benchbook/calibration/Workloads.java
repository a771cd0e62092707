package dev.benchbook.calibration;

import dev.benchbook.Bench;
import dev.benchbook.Suite;
import dev.benchbook.calibration.report.Role;
import dev.benchbook.calibration.jmh.CompressionBench;
import dev.benchbook.calibration.jmh.EmptyBench;
import dev.benchbook.calibration.jmh.HashMapBench;
import dev.benchbook.calibration.jmh.HornerBench;
import dev.benchbook.calibration.jmh.MatrixBench;
import dev.benchbook.calibration.jmh.SortingBench;
import dev.benchbook.calibration.jmh.StringBench;
import dev.benchbook.calibration.workload.CompressionWork;
import dev.benchbook.calibration.workload.HashMapWork;
import dev.benchbook.calibration.workload.Horner;
import dev.benchbook.calibration.workload.MatrixWork;
import dev.benchbook.calibration.workload.Sorting;
import dev.benchbook.calibration.workload.StringWork;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalog: every workload with its JMH benchmark and its Benchbook suite. Each Benchbook suite
 * is left at its defaults (adaptive stopping); nothing here is tuned per workload.
 */
public final class Workloads {
    private Workloads() {}

    /** The Benchbook suite name prefix, e.g. {@code calibration.sort.10k}. */
    static final String SUITE_PREFIX = "calibration.";

    /** Every workload, in the order they are run and reported. */
    public static List<Workload> all() {
        return List.of(
                agreement("sort.10k", SortingBench.class, "sort", Map.of("size", "10000"),
                        () -> suite("sort.10k").setup(ctx -> Sorting.data(10_000))
                                .benchmark("sort", (ctx, data) -> Sorting.sortCopy(data))),
                agreement("sort.100k", SortingBench.class, "sort", Map.of("size", "100000"),
                        () -> suite("sort.100k").setup(ctx -> Sorting.data(100_000))
                                .benchmark("sort", (ctx, data) -> Sorting.sortCopy(data))),
                agreement("hashmap.10k", HashMapBench.class, "putGet", Map.of(),
                        () -> suite("hashmap.10k").setup(ctx -> HashMapWork.keys())
                                .benchmarkLong("putGet", (ctx, keys) -> HashMapWork.putGet(keys))),
                agreement("strings.1k", StringBench.class, "joinSplit", Map.of(),
                        () -> suite("strings.1k").setup(ctx -> StringWork.tokens())
                                .benchmark("joinSplit", (ctx, tokens) -> StringWork.joinSplit(tokens))),
                agreement("matrix.128", MatrixBench.class, "multiply", Map.of(),
                        () -> suite("matrix.128").setup(ctx -> MatrixWork.Operands.seeded())
                                .benchmark("multiply", (ctx, m) -> MatrixWork.multiply(m.a(), m.b()))),
                agreement("deflate.64k", CompressionBench.class, "deflate", Map.of(),
                        () -> suite("deflate.64k").setup(ctx -> new CompressionWork())
                                .teardown((ctx, work) -> work.close())
                                .benchmarkLong("deflate", (ctx, work) -> work.compress())),
                // JMH's void method runs no Blackhole at all; Benchbook always sinks the body's result,
                // and a constant long is the cheapest thing it can sink.
                new Workload("empty", Role.HARNESS_OVERHEAD, name(EmptyBench.class, "empty"), Map.of(),
                        () -> suite("empty").benchmarkLong("empty", ctx -> 0L)),
                new Workload("horner.returned", Role.PITFALL_CORRECT, name(HornerBench.class, "returned"), Map.of(),
                        () -> suite("horner.returned").setup(ctx -> new Horner.Input())
                                .benchmarkDouble("returned", (ctx, s) -> Horner.eval(s.x))),
                new Workload("horner.discarded", Role.DEAD_CODE, name(HornerBench.class, "discarded"), Map.of(),
                        () -> suite("horner.discarded").setup(ctx -> new Horner.Input())
                                .benchmark("discarded", (ctx, s) -> {
                                    Horner.eval(s.x);
                                    return null;
                                })),
                new Workload("horner.constant", Role.CONSTANT_FOLDED, name(HornerBench.class, "constant"), Map.of(),
                        () -> suite("horner.constant")
                                .benchmarkDouble("constant", ctx -> Horner.eval(Horner.CONSTANT_X))));
    }

    private static Workload agreement(String id, Class<?> jmhClass, String method, Map<String, String> params,
            Supplier<Suite<?>> suite) {
        return new Workload(id, Role.AGREEMENT, name(jmhClass, method), params, suite);
    }

    private static Suite<Void> suite(String id) {
        return Bench.suite(SUITE_PREFIX + id);
    }

    private static String name(Class<?> jmhClass, String method) {
        return jmhClass.getName() + "." + method;
    }
}
