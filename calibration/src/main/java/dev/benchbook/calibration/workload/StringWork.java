package dev.benchbook.calibration.workload;

import java.util.SplittableRandom;

/** Joining tokens with a {@link StringBuilder}, then splitting the result again. */
public final class StringWork {
    private StringWork() {}

    /** The number of tokens: 1,000. */
    public static final int TOKENS = 1_000;

    /** {@link #TOKENS} random lowercase words of 3 to 10 letters. */
    public static String[] tokens() {
        SplittableRandom r = Seeds.random("strings");
        String[] tokens = new String[TOKENS];
        for (int i = 0; i < TOKENS; i++) {
            char[] word = new char[3 + r.nextInt(8)];
            for (int j = 0; j < word.length; j++) {
                word[j] = (char) ('a' + r.nextInt(26));
            }
            tokens[i] = new String(word);
        }
        return tokens;
    }

    /** Joins {@code tokens} with commas in a {@link StringBuilder} and splits the result on commas. */
    public static String[] joinSplit(String[] tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(tokens[i]);
        }
        return b.toString().split(",");
    }
}
