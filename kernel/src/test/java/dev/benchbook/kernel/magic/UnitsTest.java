package dev.benchbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void timesHaveThreeSignificantDigitsInOneUnit() {
        assertEquals("87 ns", Units.time(87));
        assertEquals("12.3 µs", Units.time(12_345));
        assertEquals("1.5 s", Units.time(1.5e9));
        assertEquals("999 ns", Units.time(999.4));
        assertEquals("1 µs", Units.time(999.6));
    }

    @Test
    void errorUsesTheMeansUnitAndShowsAtLeastOneDigit() {
        assertEquals("12.3 µs ± 0.2 µs", Units.timeWithError(12_300, 200));
        assertEquals("123 ns ± 0.04 ns", Units.timeWithError(123, 0.04));
        assertEquals("4.56 ms ± 0.12 ms", Units.timeWithError(4.56e6, 0.12e6));
    }

    @Test
    void bytesCountsAndPercents() {
        assertEquals("0 B/op", Units.bytesPerOp(0));
        assertEquals("48 B/op", Units.bytesPerOp(48.0004));
        assertEquals("0.5 B/op", Units.bytesPerOp(0.5));
        assertEquals("1,234 B/op", Units.bytesPerOp(1234.4));
        assertEquals("alloc n/a", Units.bytesPerOp(-1));
        assertEquals("8,192", Units.count(8192));
        assertEquals("99.9%", Units.percent(0.999));
        assertEquals("95%", Units.percent(0.95));
    }
}
