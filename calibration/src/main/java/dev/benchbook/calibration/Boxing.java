package dev.benchbook.calibration;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.Suite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Does the generic {@code .benchmark(name, (ctx, s) -> ...)} form measure what the user wrote when the
 * body returns a primitive? Runs each workload in both forms, the generic one (the result boxed
 * through {@code Object}) and the primitive one ({@code benchmarkDouble}/{@code benchmarkLong}), in
 * alternating rounds in this JVM, and prints per workload the generic/primitive ratio of mean times
 * and the generic form's allocation per operation.
 *
 * <p>Targets: ratio at most 1.05, allocation 0 B/op. Exit code 0 when every workload meets both, 1
 * otherwise, 2 on bad arguments. Usage: {@code Boxing [--rounds N]} (default 3).
 */
public final class Boxing {
    /** A state the workloads read: a double and an int field, and an input for log and Horner. */
    public static final class State {
        public double x = 1.0001;
        public double field = 3.25;
        public int count = 12_345;
    }

    private Boxing() {}

    public static void main(String[] args) {
        int rounds = 3;
        if (args.length == 2 && args[0].equals("--rounds")) {
            try {
                rounds = Integer.parseInt(args[1]);
            } catch (NumberFormatException e) {
                rounds = -1;
            }
        } else if (args.length != 0) {
            rounds = -1;
        }
        if (rounds < 1) {
            System.err.println("usage: Boxing [--rounds N]   (N >= 1, default 3); got " + String.join(" ", args));
            System.exit(2);
        }
        List<String> workloads = List.of("math.log", "horner", "field.double", "field.int");
        double[][] generic = new double[workloads.size()][rounds];
        double[][] primitive = new double[workloads.size()][rounds];
        double[][] alloc = new double[workloads.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            Table g = measure(true).summary();
            Table p = measure(false).summary();
            for (int w = 0; w < workloads.size(); w++) {
                generic[w][round] = g.doubleColumn("mean_ns").get(w);
                primitive[w][round] = p.doubleColumn("mean_ns").get(w);
                alloc[w][round] = g.doubleColumn("alloc_bytes_per_op").get(w);
            }
        }
        boolean pass = true;
        System.out.printf(Locale.ROOT, "%-14s %12s %12s %8s %14s  %s%n", "workload", "generic ns", "primitive ns",
                "ratio", "generic B/op", "verdict");
        for (int w = 0; w < workloads.size(); w++) {
            double gm = median(generic[w]);
            double pm = median(primitive[w]);
            double ratio = gm / pm;
            double a = max(alloc[w]);
            boolean ok = ratio <= 1.05 && a < 0.01;
            pass &= ok;
            System.out.printf(Locale.ROOT, "%-14s %12.3f %12.3f %8.3f %14.3f  %s%n", workloads.get(w), gm, pm, ratio, a,
                    ok ? "PASS" : "MISS");
        }
        System.out.printf(Locale.ROOT, "(medians over %d alternating rounds; targets: ratio <= 1.05, 0 B/op)%n", rounds);
        System.exit(pass ? 0 : 1);
    }

    /** The four workloads in one form; param-free, fixed iterations so both forms do the same work. */
    static Results measure(boolean generic) {
        Suite<State> s = Bench.suite(generic ? "boxing.generic" : "boxing.primitive").setup(ctx -> new State());
        if (generic) {
            s.benchmark("math.log", (ctx, st) -> Math.log(st.x))
                    .benchmark("horner", (ctx, st) -> horner(st.x))
                    .benchmark("field.double", (ctx, st) -> st.field)
                    .benchmark("field.int", (ctx, st) -> st.count);
        } else {
            s.benchmarkDouble("math.log", (ctx, st) -> Math.log(st.x))
                    .benchmarkDouble("horner", (ctx, st) -> horner(st.x))
                    .benchmarkDouble("field.double", (ctx, st) -> st.field)
                    .benchmarkLong("field.int", (ctx, st) -> st.count);
        }
        return s.warmup(10).iterations(20).iterationTime(Duration.ofMillis(100)).quiet().run();
    }

    static double horner(double x) {
        return ((((2.0 * x - 3.0) * x + 5.0) * x - 7.0) * x + 11.0) * x - 13.0;
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static double max(double[] xs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }
}
