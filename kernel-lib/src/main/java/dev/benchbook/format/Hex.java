package dev.benchbook.format;

import java.util.Locale;

/** 64-bit hashes as text. */
public final class Hex {
    private Hex() {}

    /** {@code hash} as 16 lowercase hex digits, e.g. {@code 00000000000004d2}. */
    public static String of(long hash) {
        return String.format(Locale.ROOT, "%016x", hash);
    }
}
