package dev.benchbook.suites.ml;

import java.util.Random;

/**
 * A seeded dataset for clustering and binary classification: {@code samples} points in {@code dims} dimensions
 * drawn around {@value #CLUSTERS} centres (each coordinate of a centre uniform in [-5, 5), each point's offset
 * standard normal), and a label per point from a seeded hyperplane, {@code 1} when {@code w·x + b + noise > 0}
 * (noise normal with standard deviation 0.5, so the classes overlap a little).
 *
 * @param x the points, {@code samples × dims}
 * @param cluster the centre each point was drawn around
 * @param label 0 or 1
 */
public record Dataset(double[][] x, int[] cluster, int[] label) {
    /** The centres the points are drawn around, and the k of the suite's k-means. */
    public static final int CLUSTERS = 5;

    /**
     * Draws the dataset from {@code r}.
     *
     * @throws IllegalArgumentException if {@code samples < CLUSTERS} or {@code dims < 1}
     */
    public static Dataset generate(int samples, int dims, Random r) {
        if (samples < CLUSTERS) {
            throw new IllegalArgumentException("param samples=" + samples + ": must be >= " + CLUSTERS
                    + " (one point per cluster at least); use e.g. 1000");
        }
        if (dims < 1) {
            throw new IllegalArgumentException("param dims=" + dims + ": must be >= 1; use e.g. 8");
        }
        double[][] centres = new double[CLUSTERS][dims];
        for (double[] c : centres) {
            for (int j = 0; j < dims; j++) {
                c[j] = r.nextDouble() * 10 - 5;
            }
        }
        double[] w = new double[dims];
        for (int j = 0; j < dims; j++) {
            w[j] = r.nextGaussian();
        }
        double b = r.nextGaussian();
        double[][] x = new double[samples][dims];
        int[] cluster = new int[samples];
        int[] label = new int[samples];
        for (int i = 0; i < samples; i++) {
            int c = r.nextInt(CLUSTERS);
            cluster[i] = c;
            double z = b + 0.5 * r.nextGaussian();
            for (int j = 0; j < dims; j++) {
                x[i][j] = centres[c][j] + r.nextGaussian();
                z += w[j] * x[i][j];
            }
            label[i] = z > 0 ? 1 : 0;
        }
        return new Dataset(x, cluster, label);
    }

    /** How many points. */
    public int samples() {
        return x.length;
    }

    /** How many dimensions. */
    public int dims() {
        return x[0].length;
    }
}
