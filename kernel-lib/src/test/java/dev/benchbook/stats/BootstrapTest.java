package dev.benchbook.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The BCa bootstrap interval for the mean. Reference values come from SciPy 1.17.1,
 * {@code scipy.stats.bootstrap((x,), np.mean, method="BCa", n_resamples=400_000)} averaged over five
 * seeds, and from a three-value sample whose bootstrap distribution can be enumerated by hand.
 */
class BootstrapTest {
    /** Right-skewed, like timings with a few slow iterations; mean 12.316666... */
    private static final double[] SKEWED = {12.1, 9.8, 11.4, 10.2, 15.7, 10.9, 9.5, 13.3, 10.1, 11.8, 22.4, 10.6};

    @Test
    void sameSeedGivesSameInterval() {
        Estimate first = ConfidenceIntervals.bootstrap(SKEWED, 0.99, 2_000, 42);
        Estimate again = ConfidenceIntervals.bootstrap(SKEWED, 0.99, 2_000, 42);
        assertEquals(first, again);
        assertNotEquals(first, ConfidenceIntervals.bootstrap(SKEWED, 0.99, 2_000, 43));
    }

    @Test
    void intervalContainsTheMeanAndCarriesItsLevel() {
        Random random = new Random(1);
        for (double level : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double[] xs = new double[30];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = 100 * Math.exp(0.5 * random.nextGaussian());
            }
            Estimate e = ConfidenceIntervals.bootstrap(xs, level, 5_000, 7);
            assertEquals(Descriptive.of(xs).mean(), e.point(), 1e-12);
            assertTrue(e.low() < e.point() && e.point() < e.high(), e::toString);
            assertEquals(level, e.confidence());
        }
    }

    @Test
    void matchesSciPyBcaOnSkewedSample() {
        // SciPy: low 10.9633 (sd over seeds 0.004), high 15.4883 (sd 0.014). With 200_000 resamples our
        // Monte Carlo sd is about 0.02 at the high end; tolerance 0.08 (under 2% of the 4.5 width).
        Estimate e = ConfidenceIntervals.bootstrap(SKEWED, 0.95, 200_000, 2024);
        assertEquals(12.316666666666665, e.point(), 1e-12);
        assertEquals(10.9633, e.low(), 0.08);
        assertEquals(15.4883, e.high(), 0.08);
        // The t-interval, (10.0190, 14.6144), is symmetric; BCa follows the right skew.
        assertTrue(e.high() - e.point() > 1.5 * (e.point() - e.low()), e::toString);
    }

    @Test
    void agreesWithTIntervalForLargeNormalSample() {
        Random random = new Random(7);
        double[] xs = new double[2_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 1_000 + 50 * random.nextGaussian();
        }
        Estimate t = ConfidenceIntervals.tInterval(xs, 0.95);
        Estimate boot = ConfidenceIntervals.bootstrap(xs, 0.95, 10_000, 11);
        // Both estimate the same normal sampling distribution; tolerance 5% of the t half-width (about
        // 2.2 ns here), several times the Monte Carlo error of 10_000 resamples.
        double tolerance = 0.05 * t.halfWidth();
        assertEquals(t.low(), boot.low(), tolerance);
        assertEquals(t.high(), boot.high(), tolerance);
        assertEquals(1, boot.halfWidth() / t.halfWidth(), 0.05);
    }

    @Test
    void accelerationAndBiasCorrectionMatchHandValues() {
        // {0, 0, 3}: leave-one-out means 1.5, 1.5, 0 around 1, so d = (-0.5, -0.5, 1) and
        // â = Σd³ / (6 (Σd²)^1.5) = 0.75 / (6 · 1.5^1.5) = 0.0680413817...
        double[] jack = Bootstrap.jackknifeMeans(new double[] {0, 0, 3});
        assertEquals(1.5, jack[0], 0);
        assertEquals(0, jack[2], 0);
        assertEquals(0.06804138174397717, Bootstrap.acceleration(jack), 1e-15);
        assertEquals(0, Bootstrap.acceleration(Bootstrap.jackknifeMeans(new double[] {0, 1})), 0);
        // One replicate below 2 and one equal to it (counted as half): Φ⁻¹(1.5 / 4) = -0.3186393...
        assertEquals(-0.31863936396437514, Bootstrap.biasCorrection(new double[] {1, 2, 3, 4}, 2), 1e-12);
    }

    @Test
    void bcaShiftsTheIntervalWhereThePercentileMethodWouldNot() {
        // The resampled mean of {0, 0, 3} is K ~ Binomial(3, 1/3): P(0, 1, 2, 3) = (8, 12, 6, 1) / 27, so
        // the cumulative shares are 0.296, 0.741, 0.963, 1. ẑ0 = Φ⁻¹(8/27 + 6/27) = 0.0464, â = 0.0680.
        // At level 0.45 the BCa shares are 0.3139 and 0.7643 (percentile method: 0.275 and 0.725), both
        // inside a block of equal replicates, so the interval is exactly [1, 2] (percentile: [0, 1]).
        // SciPy's BCa gives [1, 2] too. The margins (0.018, 0.023) are about 8 Monte Carlo sd.
        Estimate e = ConfidenceIntervals.bootstrap(new double[] {0, 0, 3}, 0.45, 100_000, 5);
        assertEquals(1, e.point(), 0);
        assertEquals(1, e.low(), 0);
        assertEquals(2, e.high(), 0);
    }

    @Test
    void degenerateSamples() {
        Estimate constant = ConfidenceIntervals.bootstrap(new double[] {4, 4, 4, 4}, 0.99, 1_000, 1);
        assertEquals(new Estimate(4, 4, 4, 0.99), constant);
        Estimate single = ConfidenceIntervals.bootstrap(new double[] {4}, 0.99, 1_000, 1);
        assertEquals(4, single.point());
        assertTrue(Double.isNaN(single.low()) && Double.isNaN(single.high()));
        assertTrue(Double.isNaN(ConfidenceIntervals.bootstrap(new double[0], 0.99, 1_000, 1).point()));
    }

    @Test
    void rejectsBadArgumentsWithTheFix() {
        double[] xs = {1, 2, 3};
        assertEquals("level(1.5): must be in (0, 1); use 0.999 for 99.9%", assertThrows(
                IllegalArgumentException.class, () -> ConfidenceIntervals.bootstrap(xs, 1.5, 1_000, 1)).getMessage());
        assertEquals("resamples(10): must be >= 1000; use 10_000 for a stable 99% interval", assertThrows(
                IllegalArgumentException.class, () -> ConfidenceIntervals.bootstrap(xs, 0.9, 10, 1)).getMessage());
        assertEquals("xs[1](NaN): must be finite; drop failed or missing iterations before the analysis",
                assertThrows(IllegalArgumentException.class,
                        () -> ConfidenceIntervals.bootstrap(new double[] {1, Double.NaN}, 0.9, 1_000, 1))
                        .getMessage());
    }
}
