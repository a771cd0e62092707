package dev.benchbook.suites.standard;

import com.github.luben.zstd.Zstd;
import dev.benchbook.Bench;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Compress and decompress with {@code java.util.zip} (Deflater level 6), zstd (zstd-jni, level 3) and xz
 * (XZ for Java, preset 1). Each compress benchmark reports {@code compression_ratio} (input bytes over
 * compressed bytes) with {@code ctx.metric}. Params: {@code size} in bytes and {@code data} ({@code text}:
 * seeded words; {@code logs}: repetitive log lines; {@code random}: incompressible bytes).
 */
public final class CompressionSuite implements SuiteFactory {
    /** The input and its compressed forms. */
    record Data(byte[] raw, byte[] deflated, byte[] zstd, byte[] xz) {}

    private static final String[] WORDS = {"the", "benchmark", "of", "a", "compressor", "measures", "time", "and",
        "ratio", "on", "text", "that", "repeats", "words", "often", "enough", "to", "matter", "jvm", "data"};

    @Override
    public SuiteSpec create() {
        return Bench.suite("compression")
                .description("Deflater, zstd and xz: compress and decompress, with the compression ratio")
                .param("size", 65_536, 1_048_576)
                .param("data", "text", "logs", "random")
                .setup(ctx -> {
                    byte[] raw = input(ctx);
                    return new Data(raw, deflate(raw), Zstd.compress(raw, 3), xz(raw));
                })
                .benchmark("deflate.compress", (ctx, d) -> ratio(ctx, d.raw(), deflate(d.raw())))
                .benchmark("deflate.decompress", (ctx, d) -> inflate(d.deflated(), d.raw().length))
                .benchmark("zstd.compress", (ctx, d) -> ratio(ctx, d.raw(), Zstd.compress(d.raw(), 3)))
                .benchmark("zstd.decompress", (ctx, d) -> Zstd.decompress(d.zstd(), d.raw().length))
                .benchmark("xz.compress", (ctx, d) -> ratio(ctx, d.raw(), xz(d.raw())))
                .benchmark("xz.decompress", (ctx, d) -> unxz(d.xz(), d.raw().length))
                .baseline("deflate.compress")
                .build();
    }

    private static byte[] ratio(BenchContext ctx, byte[] raw, byte[] packed) {
        ctx.metric("compression_ratio", (double) raw.length / packed.length);
        return packed;
    }

    static byte[] input(BenchContext ctx) {
        int n = ctx.intParam("size");
        java.util.Random r = ctx.random();
        byte[] out = new byte[n];
        switch (ctx.stringParam("data")) {
            case "random" -> r.nextBytes(out);
            case "text", "logs" -> {
                boolean logs = ctx.stringParam("data").equals("logs");
                StringBuilder sb = new StringBuilder(n + 100);
                int line = 0;
                while (sb.length() < n) {
                    if (logs) {
                        sb.append("2026-12-03T08:").append(10 + line % 50).append(" INFO  [worker-")
                                .append(r.nextInt(4)).append("] request ").append(line++).append(" done in ")
                                .append(r.nextInt(900)).append(" ms\n");
                    } else {
                        sb.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(12) == 0 ? ".\n" : " ");
                    }
                }
                System.arraycopy(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, 0, n);
            }
            default -> throw new IllegalArgumentException("param data=\"" + ctx.stringParam("data")
                    + "\": must be text, logs or random");
        }
        return out;
    }

    static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(6);
        try {
            d.setInput(raw);
            d.finish();
            byte[] buf = new byte[raw.length + raw.length / 100 + 64];
            int n = 0;
            while (!d.finished()) {
                if (n == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
                n += d.deflate(buf, n, buf.length - n);
            }
            return java.util.Arrays.copyOf(buf, n);
        } finally {
            d.end();
        }
    }

    static byte[] inflate(byte[] packed, int size) throws DataFormatException {
        Inflater in = new Inflater();
        try {
            in.setInput(packed);
            byte[] out = new byte[size];
            int n = 0;
            while (n < size && !in.finished()) {
                n += in.inflate(out, n, size - n);
            }
            return out;
        } finally {
            in.end();
        }
    }

    static byte[] xz(byte[] raw) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (XZOutputStream out = new XZOutputStream(bos, new LZMA2Options(1))) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    static byte[] unxz(byte[] packed, int size) throws IOException {
        try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(packed))) {
            return in.readNBytes(size);
        }
    }
}
