package dev.benchbook.stats;

import java.util.List;
import java.util.Random;

/**
 * A benchmark, not a test: change points over a long series (default 1,000,000 values with a step every
 * 100,000), timed after two warm-up passes. Prints the length, the changes found and the time per pass.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> dev.benchbook.stats.ChangePointScale [n]}.
 */
public final class ChangePointScale {
    private ChangePointScale() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random rnd = new Random(1);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100 + 3 * ((i / 100_000) % 2) + rnd.nextGaussian();
        }
        List<ChangePoint> found = List.of();
        for (int pass = 0; pass < 3; pass++) {
            long t0 = System.nanoTime();
            found = ChangePoints.detect(x);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("pass %d: %,d values, %d change points, %,d ms%n", pass + 1, n, found.size(), ms);
        }
        System.out.println("first changes: " + found.subList(0, Math.min(3, found.size())));
    }
}
