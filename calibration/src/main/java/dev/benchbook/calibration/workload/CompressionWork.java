package dev.benchbook.calibration.workload;

import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * Compressing a 64 KiB buffer with {@link Deflater} at its default level. The buffer is text-like,
 * words drawn from a small vocabulary, so that it compresses: random bytes would make the deflater
 * give up early and time mostly copying.
 */
public final class CompressionWork {
    /** The input size: 64 KiB. */
    public static final int SIZE = 64 * 1024;

    private final byte[] input;
    private final byte[] output = new byte[SIZE * 2];
    private final Deflater deflater = new Deflater();

    /** Builds the seeded input and a reusable deflater; {@link #close()} releases its native memory. */
    public CompressionWork() {
        this.input = input();
    }

    /** The seeded 64 KiB input. */
    public static byte[] input() {
        SplittableRandom r = Seeds.random("deflate");
        String[] vocabulary = new String[256];
        for (int i = 0; i < vocabulary.length; i++) {
            char[] w = new char[2 + r.nextInt(9)];
            for (int j = 0; j < w.length; j++) {
                w[j] = (char) ('a' + r.nextInt(26));
            }
            vocabulary[i] = new String(w);
        }
        byte[] buf = new byte[SIZE];
        int pos = 0;
        while (pos < SIZE) {
            // Skewed towards the first words, as natural text is.
            String w = vocabulary[(int) (vocabulary.length * Math.pow(r.nextDouble(), 3))];
            for (int j = 0; j < w.length() && pos < SIZE; j++) {
                buf[pos++] = (byte) w.charAt(j);
            }
            if (pos < SIZE) {
                buf[pos++] = ' ';
            }
        }
        return buf;
    }

    /** Compresses the whole input from scratch and returns the compressed length in bytes. */
    public long compress() {
        deflater.reset();
        deflater.setInput(input);
        deflater.finish();
        long total = 0;
        while (!deflater.finished()) {
            total += deflater.deflate(output);
        }
        return total;
    }

    /** Releases the deflater's native memory. */
    public void close() {
        deflater.end();
    }
}
