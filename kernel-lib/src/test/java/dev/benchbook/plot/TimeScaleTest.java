package dev.benchbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimeScaleTest {
    @Test
    void unitFollowsTheMagnitude() {
        assertEquals(TimeScale.NANOS, TimeScale.forNanos(999));
        assertEquals(TimeScale.MICROS, TimeScale.forNanos(1_000));
        assertEquals(TimeScale.MILLIS, TimeScale.forNanos(2.5e6));
        assertEquals(TimeScale.SECONDS, TimeScale.forNanos(3e9));
        assertEquals(TimeScale.NANOS, TimeScale.forNanos(Double.NaN));
        assertEquals(TimeScale.MICROS, TimeScale.forNanos(new double[] {10, 5_000, 8_000, Double.NaN}));
    }

    @Test
    void formatsWithFourSignificantDigitsAndTheUnit() {
        assertEquals("12.35 µs", TimeScale.MICROS.format(12_345));
        assertEquals("1.500 ms", TimeScale.MILLIS.format(1.5e6));
        assertEquals("0.1234 µs", TimeScale.MICROS.format(123.4));
        assertEquals("n/a", TimeScale.NANOS.format(Double.NaN));
        assertEquals("µs/op", TimeScale.MICROS.perOp());
    }
}
