package dev.benchbook.regress;

import java.util.ArrayList;
import java.util.List;

/**
 * How many interleaved A/B rounds to run: at least {@code minRounds}, then more while the verdict is
 * inconclusive, up to {@code maxRounds}. The evidence is looked at only at a few points (each about 1.5
 * times the previous), and each look spends alpha / looks, so adding rounds does not inflate false alarms.
 *
 * @param minRounds rounds before the first look, at least 3
 * @param maxRounds the budget, at least {@code minRounds}
 */
public record RoundsPlan(int minRounds, int maxRounds) {
    /** 6 rounds, then looks at 9, 14, 21 and 30. */
    public static final RoundsPlan DEFAULT = new RoundsPlan(6, 30);

    public RoundsPlan {
        if (minRounds < 3) {
            throw new IllegalArgumentException("minRounds = " + minRounds + ": must be >= 3 (a paired test needs a "
                    + "spread); e.g. 6");
        }
        if (maxRounds < minRounds) {
            throw new IllegalArgumentException("maxRounds = " + maxRounds + ": must be >= minRounds (" + minRounds
                    + "); e.g. " + Math.max(30, minRounds));
        }
    }

    /** The round counts at which the evidence is looked at, ascending, ending with {@code maxRounds}. */
    public List<Integer> looks() {
        List<Integer> out = new ArrayList<>();
        int n = minRounds;
        while (n < maxRounds) {
            out.add(n);
            n = Math.max(n + 1, (int) Math.round(n * 1.5));
        }
        out.add(maxRounds);
        return out;
    }
}
