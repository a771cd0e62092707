package dev.benchbook.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A change between two versions on the log scale, d = ln(candidate / baseline), with its standard error
 * and degrees of freedom: the t-based interval, two-sided p-value and minimum detectable effect that the
 * regression detector reads. Working on logs makes a change symmetric (a halving and a doubling are
 * equally far from zero) and turns per-unit noise into a relative figure.
 *
 * @param estimate d, the estimated log-ratio
 * @param standardError its standard error; 0 when the evidence carries no spread (then p is 0 or 1)
 * @param degreesOfFreedom the t distribution's degrees of freedom, at least 1
 */
public record LogDelta(double estimate, double standardError, double degreesOfFreedom) {

    public LogDelta {
        if (!Double.isFinite(estimate) || !(standardError >= 0) || !(degreesOfFreedom >= 1)) {
            throw new IllegalArgumentException("log delta: estimate " + estimate + ", standard error " + standardError
                    + ", df " + degreesOfFreedom + ": need a finite estimate, se >= 0 and df >= 1");
        }
    }

    /**
     * Welch's comparison of two independent samples of per-unit log values (one value per run or fork).
     * Needs at least 2 values on each side.
     */
    public static LogDelta welch(double[] logBaseline, double[] logCandidate) {
        if (logBaseline.length < 2 || logCandidate.length < 2) {
            throw new IllegalArgumentException("welch: need at least 2 units a side, got " + logBaseline.length + " and "
                    + logCandidate.length);
        }
        Descriptive b = Descriptive.of(logBaseline);
        Descriptive c = Descriptive.of(logCandidate);
        double vb = b.stddev() * b.stddev() / b.n();
        double vc = c.stddev() * c.stddev() / c.n();
        double se = Math.sqrt(vb + vc);
        double df = se == 0 ? b.n() + c.n() - 2
                : (vb + vc) * (vb + vc) / (vb * vb / (b.n() - 1) + vc * vc / (c.n() - 1));
        return new LogDelta(c.mean() - b.mean(), se, Math.max(1, df));
    }

    /** The one-sample comparison of paired per-round log-ratios ln(b_i / a_i). Needs at least 2 rounds. */
    public static LogDelta paired(double[] logRatios) {
        if (logRatios.length < 2) {
            throw new IllegalArgumentException("paired: need at least 2 rounds, got " + logRatios.length);
        }
        Descriptive d = Descriptive.of(logRatios);
        return new LogDelta(d.mean(), d.stddev() / Math.sqrt(d.n()), d.n() - 1);
    }

    /** The interval of the estimate at {@code level}, on the log scale. */
    public double[] interval(double level) {
        double h = halfWidth(level);
        return new double[] {estimate - h, estimate + h};
    }

    /** Half the width of the two-sided interval at {@code level}. */
    public double halfWidth(double level) {
        return quantile(1 - (1 - level) / 2) * standardError;
    }

    /** The two-sided p-value of "no change". */
    public double pValue() {
        if (standardError == 0) {
            return estimate == 0 ? 1 : 0;
        }
        double t = Math.abs(estimate) / standardError;
        return Math.min(1, 2 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(-t));
    }

    /**
     * The smallest true change (on the log scale) that a two-sided test at {@code alpha} would detect with
     * probability {@code power}: (t(1 − α/2) + t(power)) · se.
     */
    public double minimumDetectable(double alpha, double power) {
        return (quantile(1 - alpha / 2) + quantile(power)) * standardError;
    }

    private double quantile(double p) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(p);
    }

    /** The standard normal distribution's quantile at {@code p}. */
    public static double normalQuantile(double p) {
        return new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(p);
    }

    /** A log-ratio as a percentage change: (e^d − 1) · 100. */
    public static double percent(double logRatio) {
        return Math.expm1(logRatio) * 100;
    }
}
