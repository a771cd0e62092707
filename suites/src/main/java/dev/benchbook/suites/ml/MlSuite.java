package dev.benchbook.suites.ml;

import dev.benchbook.Bench;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Training and inference on a seeded {@link Dataset}: {@code kmeans.fit} (commons-math3's k-means++ with
 * k = {@value Dataset#CLUSTERS}, at most {@value #KMEANS_ITERATIONS} iterations, its random generator a
 * {@code Well19937c} seeded anew every operation from the suite seed), {@code kmeans.assign} (each point to the
 * nearest centre of a model fitted at setup), {@code logreg.gd} (batch gradient descent, {@value #EPOCHS}
 * epochs of step {@value #RATE}), {@code logreg.cg} (commons-math3's nonlinear conjugate gradient on the same
 * objective) and {@code logreg.predict} (the labels a model fitted at setup gives).
 *
 * <p>The outputs are the models themselves (centres, weights) and the predictions, and they are the same bit for
 * bit in every run: same data, same seed, the same arithmetic in the same order ({@link StrictMath} for the
 * transcendental functions). Custom metrics: {@code inertia} (the sum of squared distances from each point to
 * its centre) for the k-means benchmarks, {@code accuracy} (training accuracy) for the logistic regressions;
 * the fits compute them after fitting, at a fraction of the fit's cost. Params: {@code samples} and {@code dims}.
 */
public final class MlSuite implements SuiteFactory {
    /** The k-means iteration cap. */
    public static final int KMEANS_ITERATIONS = 100;
    /** Gradient descent's epochs. */
    public static final int EPOCHS = 200;
    /** Gradient descent's step. */
    public static final double RATE = 0.1;
    /** Conjugate gradient's iteration cap. */
    public static final int CG_ITERATIONS = 500;

    /** The dataset as points, the k-means seed, and the models fitted at setup for inference. */
    record State(Dataset data, List<DoublePoint> points, long kmeansSeed, double[][] centres,
            LogisticRegression model) {}

    @Override
    public SuiteSpec create() {
        return Bench.suite("ml")
                .description("k-means++ and logistic regression (gradient descent, conjugate gradient) on seeded data")
                .param("samples", 1_000, 10_000)
                .param("dims", 4, 16)
                .setup(MlSuite::state)
                .benchmark("kmeans.fit", (ctx, s) -> {
                    double[][] c = kmeans(s.points(), s.kmeansSeed());
                    ctx.metric("inertia", inertia(s.data(), c));
                    return c;
                })
                .benchmark("kmeans.assign", (ctx, s) -> {
                    double[] inertia = new double[1];
                    int[] a = assign(s.data(), s.centres(), inertia);
                    ctx.metric("inertia", inertia[0]);
                    return a;
                })
                .benchmark("logreg.gd", (ctx, s) -> {
                    LogisticRegression m = LogisticRegression.gradientDescent(s.data(), EPOCHS, RATE);
                    ctx.metric("accuracy", m.accuracy(s.data()));
                    return m;
                })
                .benchmark("logreg.cg", (ctx, s) -> {
                    LogisticRegression m = LogisticRegression.conjugateGradient(s.data(), CG_ITERATIONS);
                    ctx.metric("accuracy", m.accuracy(s.data()));
                    return m;
                })
                .benchmark("logreg.predict", (ctx, s) -> s.model().predict(s.data()))
                .build();
    }

    static State state(BenchContext ctx) {
        Dataset d = Dataset.generate(ctx.intParam("samples"), ctx.intParam("dims"), ctx.random());
        List<DoublePoint> points = new ArrayList<>(d.samples());
        for (double[] x : d.x()) {
            points.add(new DoublePoint(x));
        }
        long seed = ctx.random().nextLong();
        return new State(d, points, seed, kmeans(points, seed),
                LogisticRegression.gradientDescent(d, EPOCHS, RATE));
    }

    /** The centres k-means++ finds, in the clusterer's order, from a generator seeded with {@code seed}. */
    public static double[][] kmeans(List<DoublePoint> points, long seed) {
        KMeansPlusPlusClusterer<DoublePoint> k = new KMeansPlusPlusClusterer<>(Dataset.CLUSTERS, KMEANS_ITERATIONS,
                new EuclideanDistance(), new Well19937c(seed));
        List<CentroidCluster<DoublePoint>> clusters = k.cluster(points);
        double[][] centres = new double[clusters.size()][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = clusters.get(i).getCenter().getPoint();
        }
        return centres;
    }

    /** The index of each point's nearest centre; the sum of the squared distances to them goes to {@code inertia[0]}. */
    static int[] assign(Dataset d, double[][] centres, double[] inertia) {
        int[] out = new int[d.samples()];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double dist = squared(d.x()[i], centres[c]);
                if (dist < best) {
                    best = dist;
                    out[i] = c;
                }
            }
            sum += best;
        }
        inertia[0] = sum;
        return out;
    }

    /** The sum over points of the squared distance to the nearest centre. */
    static double inertia(Dataset d, double[][] centres) {
        double sum = 0;
        for (double[] x : d.x()) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] c : centres) {
                best = Math.min(best, squared(x, c));
            }
            sum += best;
        }
        return sum;
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }
}
