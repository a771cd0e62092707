package dev.benchbook.stats;

import static dev.benchbook.stats.OutlierKind.MILD_HIGH;
import static dev.benchbook.stats.OutlierKind.MILD_LOW;
import static dev.benchbook.stats.OutlierKind.NONE;
import static dev.benchbook.stats.OutlierKind.SEVERE_HIGH;
import static dev.benchbook.stats.OutlierKind.SEVERE_LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tukey's fences with R type 7 quartiles. Quartiles are derived by hand below (and agree with R's
 * {@code quantile(x, type = 7)} and NumPy's default {@code np.percentile}); tolerance 1e-12.
 */
class OutliersTest {
    /** Input order is deliberately unsorted: classifications must follow it. */
    private static final double[] MIXED = {15, 12, 60, 10, 18, 11, -5, 16, 13, 20, 29, 14, -30, 19, 17, 35};

    @Test
    void quartilesAreRType7() {
        // Sorted: -30 -5 10 11 12 13 14 15 16 17 18 19 20 29 35 60 (n = 16).
        // q1: h = 15 · 0.25 = 3.75, x[3] + 0.75 (x[4] - x[3]) = 11 + 0.75 = 11.75.
        // q3: h = 15 · 0.75 = 11.25, x[11] + 0.25 (x[12] - x[11]) = 19 + 0.25 = 19.25.
        TukeyOutliers t = Outliers.tukey(MIXED);
        assertEquals(16, t.n());
        assertEquals(11.75, t.q1(), 1e-12);
        assertEquals(19.25, t.q3(), 1e-12);
        assertEquals(7.5, t.iqr(), 1e-12);
    }

    @Test
    void fencesSitAtOneAndAHalfAndThreeIqr() {
        TukeyOutliers t = Outliers.tukey(MIXED);
        assertEquals(11.75 - 22.5, t.severeLowFence(), 1e-12);
        assertEquals(11.75 - 11.25, t.mildLowFence(), 1e-12);
        assertEquals(19.25 + 11.25, t.mildHighFence(), 1e-12);
        assertEquals(19.25 + 22.5, t.severeHighFence(), 1e-12);
    }

    @Test
    void flagsEveryKindInInputOrderWithoutDroppingAny() {
        // Fences: -10.75, 0.5, 30.5, 41.75. So -30 is severe low, -5 mild low, 35 mild high, 60 severe
        // high; 29 is inside.
        TukeyOutliers t = Outliers.tukey(MIXED);
        assertEquals(List.of(NONE, NONE, SEVERE_HIGH, NONE, NONE, NONE, MILD_LOW, NONE, NONE, NONE, NONE, NONE,
                SEVERE_LOW, NONE, NONE, MILD_HIGH), t.kinds());
        assertEquals(MIXED.length, t.kinds().size());
        assertEquals(1, t.mildLow());
        assertEquals(1, t.mildHigh());
        assertEquals(1, t.severeLow());
        assertEquals(1, t.severeHigh());
        assertEquals(4, t.count());
        assertEquals(SEVERE_HIGH, t.kind(2));
    }

    @Test
    void valueOnAFenceIsNotAnOutlier() {
        // Sorted 1..8, 13: q1 = x[2] = 3, q3 = x[6] = 7 (h is whole), IQR 4, mild high fence 7 + 6 = 13.
        TukeyOutliers onFence = Outliers.tukey(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 13});
        assertEquals(13, onFence.mildHighFence(), 1e-12);
        assertEquals(0, onFence.count());
        // 13.5 leaves the quartiles unchanged and lies just beyond the fence.
        TukeyOutliers beyond = Outliers.tukey(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 13.5});
        assertEquals(MILD_HIGH, beyond.kind(8));
        assertEquals(1, beyond.mildHigh());
    }

    @Test
    void constantAndSingleValueSamplesHaveNoOutliers() {
        TukeyOutliers constant = Outliers.tukey(new double[] {5, 5, 5, 5});
        assertEquals(0, constant.iqr(), 0);
        assertEquals(0, constant.count());
        TukeyOutliers single = Outliers.tukey(new double[] {5});
        assertEquals(5, single.q1(), 0);
        assertEquals(List.of(NONE), single.kinds());
    }

    @Test
    void kindsCannotBeChanged() {
        TukeyOutliers t = Outliers.tukey(MIXED);
        assertThrows(UnsupportedOperationException.class, () -> t.kinds().set(0, SEVERE_HIGH));
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertEquals("xs(length 0): must have at least 1 value; pass at least one measurement", assertThrows(
                IllegalArgumentException.class, () -> Outliers.tukey(new double[0])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Outliers.tukey(new double[] {1, Double.POSITIVE_INFINITY}));
    }
}
