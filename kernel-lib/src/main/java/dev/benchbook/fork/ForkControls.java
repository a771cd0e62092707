package dev.benchbook.fork;

import dev.benchbook.spec.RunControls;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries the parent's run controls to a fork as one command-line argument, so that a fork measures
 * exactly as the parent was told to, whatever defaults its suite factory sets.
 */
final class ForkControls {
    private ForkControls() {}

    /** E.g. {@code warmup=5;iterations=5;fixed=false;...}; the fork runs in-process (forks=0). */
    static String encode(RunControls c) {
        return "warmup=" + c.warmupIterations() + ";iterations=" + c.iterations() + ";fixed=" + c.fixedIterations()
                + ";maxIterations=" + c.maxIterations() + ";maxTimeNs=" + c.maxTime().toNanos()
                + ";targetPrecision=" + c.targetPrecision() + ";iterationTimeNs=" + c.iterationTime().toNanos()
                + ";timeoutNs=" + c.timeout().toNanos() + ";seed=" + c.seed() + ";confidence=" + c.confidence();
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException naming the missing or malformed key
     */
    static RunControls decode(String text) {
        Map<String, String> kv = new HashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        try {
            return new RunControls(Integer.parseInt(get(kv, "warmup")), Integer.parseInt(get(kv, "iterations")),
                    Boolean.parseBoolean(get(kv, "fixed")), Integer.parseInt(get(kv, "maxIterations")),
                    Duration.ofNanos(Long.parseLong(get(kv, "maxTimeNs"))),
                    Double.parseDouble(get(kv, "targetPrecision")),
                    Duration.ofNanos(Long.parseLong(get(kv, "iterationTimeNs"))),
                    Duration.ofNanos(Long.parseLong(get(kv, "timeoutNs"))), Long.parseLong(get(kv, "seed")),
                    Double.parseDouble(get(kv, "confidence")), 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fork controls \"" + text + "\": malformed number (" + e.getMessage()
                    + "); parent and fork must run the same Benchbook version", e);
        }
    }

    private static String get(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException("fork controls: missing \"" + key
                    + "\"; parent and fork must run the same Benchbook version");
        }
        return v;
    }
}
