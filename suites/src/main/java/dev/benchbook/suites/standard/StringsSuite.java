package dev.benchbook.suites.standard;

import dev.benchbook.Bench;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String processing over {@code size} comma-separated tokens (numbers and words): building with a
 * {@code StringBuilder}, {@code String.split}, a regex that finds the numbers, parsing them with {@code
 * Long.parseLong} and {@code Double.parseDouble}, and UTF-8 encode and decode. Param {@code text}:
 * {@code ascii} or {@code mixed} (a third of the words in Greek and CJK, so UTF-8 takes 2 and 3 bytes).
 */
public final class StringsSuite implements SuiteFactory {
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String[] ASCII = {"alpha", "beta", "gamma", "delta", "omega", "kappa"};
    private static final String[] WIDE = {"άλφα", "βήτα", "γάμμα", "数据", "基准", "测试"};

    /** The tokens, their joined text and its UTF-8 bytes. */
    record Text(String[] tokens, String joined, byte[] utf8) {}

    @Override
    public SuiteSpec create() {
        return Bench.suite("strings")
                .description("building, splitting, regex, number parsing, UTF-8 encode and decode")
                .param("size", 1_000, 10_000)
                .param("text", "ascii", "mixed")
                .setup(StringsSuite::text)
                .benchmark("build", (ctx, t) -> {
                    StringBuilder sb = new StringBuilder();
                    for (String s : t.tokens()) {
                        sb.append(s).append(',');
                    }
                    return sb.toString();
                })
                .benchmark("split", (ctx, t) -> t.joined().split(","))
                .benchmarkLong("regex", (ctx, t) -> {
                    Matcher m = NUMBER.matcher(t.joined());
                    long n = 0;
                    while (m.find()) {
                        n += m.end() - m.start();
                    }
                    return n;
                })
                .benchmarkDouble("parse", (ctx, t) -> {
                    double sum = 0;
                    for (String s : t.tokens()) {
                        char c = s.charAt(0);
                        if (c == '-' || (c >= '0' && c <= '9')) {
                            sum += s.indexOf('.') >= 0 ? Double.parseDouble(s) : Long.parseLong(s);
                        }
                    }
                    return sum;
                })
                .benchmark("utf8.encode", (ctx, t) -> t.joined().getBytes(StandardCharsets.UTF_8))
                .benchmark("utf8.decode", (ctx, t) -> new String(t.utf8(), StandardCharsets.UTF_8))
                .build();
    }

    static Text text(BenchContext ctx) {
        int n = ctx.intParam("size");
        boolean mixed = switch (ctx.stringParam("text")) {
            case "ascii" -> false;
            case "mixed" -> true;
            default -> throw new IllegalArgumentException("param text=\"" + ctx.stringParam("text")
                    + "\": must be ascii or mixed");
        };
        java.util.Random r = ctx.random();
        String[] tokens = new String[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = switch (r.nextInt(3)) {
                case 0 -> Long.toString(r.nextInt(2_000_000) - 1_000_000);
                case 1 -> String.format(java.util.Locale.ROOT, "%.3f", r.nextDouble() * 1000);
                default -> (mixed && r.nextInt(3) == 0 ? WIDE : ASCII)[r.nextInt(6)];
            };
        }
        String joined = String.join(",", tokens);
        return new Text(tokens, joined, joined.getBytes(StandardCharsets.UTF_8));
    }
}
