package dev.benchbook.format;

import java.util.Locale;

/** Hashes as text. */
public final class Hex {
    private Hex() {}

    /** {@code hash} as 16 lowercase hex digits, e.g. {@code 00000000000004d2}. */
    public static String of(long hash) {
        return String.format(Locale.ROOT, "%016x", hash);
    }

    /** {@code bytes} as lowercase hex digits, two per byte. */
    public static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
