package dev.benchbook.harness;

/** A clock that only moves when told to, so benchmark bodies can "take" an exact time. */
final class FakeClock implements Clock {
    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    void advance(long ns) {
        now += ns;
    }
}
