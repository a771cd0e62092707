package dev.benchbook.suites.ml;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Binary logistic regression with L2 regularisation: the weights minimise the mean log-loss plus
 * {@code lambda/2·|w|²} (the intercept not penalised). Two fits of that one objective: plain batch gradient
 * descent, and commons-math3's nonlinear conjugate gradient (Polak-Ribière) with the analytic gradient. The
 * exponential and logarithm are {@link StrictMath}'s, so the same data gives the same weights bit for bit on
 * every JVM.
 *
 * @param weights one per dimension, then the intercept
 */
public record LogisticRegression(double[] weights) {
    /** The L2 penalty of both fits. */
    public static final double LAMBDA = 1e-3;

    /**
     * Batch gradient descent from zero weights: {@code epochs} full-gradient steps of size {@code rate}.
     *
     * @throws IllegalArgumentException if {@code epochs < 1} or {@code rate} is not positive
     */
    public static LogisticRegression gradientDescent(Dataset d, int epochs, double rate) {
        if (epochs < 1 || !(rate > 0)) {
            throw new IllegalArgumentException("gradientDescent(epochs=" + epochs + ", rate=" + rate
                    + "): need epochs >= 1 and rate > 0; use e.g. (200, 0.1)");
        }
        double[] w = new double[d.dims() + 1];
        double[] g = new double[w.length];
        for (int e = 0; e < epochs; e++) {
            gradient(d, w, g);
            for (int j = 0; j < w.length; j++) {
                w[j] -= rate * g[j];
            }
        }
        return new LogisticRegression(w);
    }

    /**
     * Nonlinear conjugate gradient from zero weights, until the objective changes by less than 1e-10 (relative
     * or absolute) between iterations, or {@code maxIterations}.
     */
    public static LogisticRegression conjugateGradient(Dataset d, int maxIterations) {
        NonLinearConjugateGradientOptimizer opt = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-10, 1e-10));
        double[] gradient = new double[d.dims() + 1];
        PointValuePair best = opt.optimize(new MaxEval(1_000_000), new MaxIter(maxIterations),
                new ObjectiveFunction(w -> loss(d, w)),
                new ObjectiveFunctionGradient(w -> {
                    gradient(d, w, gradient);
                    return gradient.clone();
                }),
                GoalType.MINIMIZE, new InitialGuess(new double[d.dims() + 1]));
        return new LogisticRegression(best.getPoint());
    }

    /** The objective at {@code w}: mean log-loss plus the penalty. */
    public static double loss(Dataset d, double[] w) {
        int dims = d.dims();
        double sum = 0;
        for (int i = 0; i < d.samples(); i++) {
            double z = margin(d.x()[i], w, dims);
            // log(1 + e^z) - y·z, in a form that never overflows.
            sum += Math.max(z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z))) - d.label()[i] * z;
        }
        double penalty = 0;
        for (int j = 0; j < dims; j++) {
            penalty += w[j] * w[j];
        }
        return sum / d.samples() + LAMBDA / 2 * penalty;
    }

    /** The objective's gradient at {@code w}, into {@code g}. */
    static void gradient(Dataset d, double[] w, double[] g) {
        int dims = d.dims();
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < d.samples(); i++) {
            double[] xi = d.x()[i];
            double err = sigmoid(margin(xi, w, dims)) - d.label()[i];
            for (int j = 0; j < dims; j++) {
                g[j] += err * xi[j];
            }
            g[dims] += err;
        }
        for (int j = 0; j < dims; j++) {
            g[j] = g[j] / d.samples() + LAMBDA * w[j];
        }
        g[dims] /= d.samples();
    }

    private static double margin(double[] xi, double[] w, int dims) {
        double z = w[dims];
        for (int j = 0; j < dims; j++) {
            z += w[j] * xi[j];
        }
        return z;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    /** The predicted label of every point: 1 where the probability is above one half. */
    public int[] predict(Dataset d) {
        int[] out = new int[d.samples()];
        for (int i = 0; i < out.length; i++) {
            out[i] = margin(d.x()[i], weights, d.dims()) > 0 ? 1 : 0;
        }
        return out;
    }

    /** The share of points whose predicted label is their label, in [0, 1]. */
    public double accuracy(Dataset d) {
        int[] p = predict(d);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += p[i] == d.label()[i] ? 1 : 0;
        }
        return (double) right / p.length;
    }
}
