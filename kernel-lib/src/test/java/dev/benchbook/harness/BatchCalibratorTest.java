package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCalibratorTest {
    private static final long TARGET = 100_000_000L;

    @Test
    void fastOperationGetsBatchThatReachesTargetWithoutOvershooting() throws Exception {
        List<Long> tried = new ArrayList<>();
        long n = BatchCalibrator.calibrate(k -> { tried.add(k); return k * 37; }, TARGET, () -> {});
        assertTrue(n * 37 >= TARGET, "batch " + n + " too short");
        assertTrue(n * 37 <= 1.25 * TARGET, "batch " + n + " overshoots");
        assertEquals(1L, tried.get(0));
        assertTrue(tried.size() < 12, "took " + tried.size() + " rounds: " + tried);
    }

    @Test
    void operationSlowerThanTargetRunsOncePerIteration() throws Exception {
        assertEquals(1, BatchCalibrator.calibrate(k -> k * 250_000_000L, TARGET, () -> {}));
    }

    @Test
    void extrapolatesOnlyFromBatchesAboveTimerResolution() throws Exception {
        List<Long> tried = new ArrayList<>();
        // 1 ns per op: batches below 1 ms grow tenfold, then one extrapolation reaches the target.
        long n = BatchCalibrator.calibrate(k -> { tried.add(k); return k; }, TARGET, () -> {});
        assertEquals(List.of(1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L), tried.subList(0, 7));
        assertEquals(8, tried.size(), "one extrapolation from the 1 ms batch suffices: " + tried);
        assertEquals(110_000_000L, n, 1, "aims 10% above the target");
    }

    @Test
    void checkpointCanAbandonCalibration() {
        assertThrows(IllegalStateException.class, () -> BatchCalibrator.calibrate(k -> k, TARGET, () -> {
            throw new IllegalStateException("cancelled");
        }));
    }

    @Test
    void rescaleGrowsBatchWhenWarmupGotFasterAndNeverShrinks() {
        assertEquals(220, BatchCalibrator.rescale(100, TARGET / 2, TARGET), 1);
        assertEquals(100, BatchCalibrator.rescale(100, TARGET * 2, TARGET));
    }
}
