package dev.benchbook.regress;

import dev.benchbook.format.Hex;
import dev.benchbook.result.Environment;
import dev.benchbook.result.Host;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.RuntimeInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run's numbers depend on, split in two. <em>Hard keys</em> make two runs incomparable when they
 * differ: CPU model, core count and CPU quota, memory, OS, kernel and architecture, JDK vendor, version and
 * VM, garbage collector and heap flags, and the harness version. <em>Soft keys</em> are only shown: host name
 * and machine load. A key that one side does not know (runs imported from JMH know little of the machine)
 * is not a difference; it is listed as unchecked.
 *
 * <p>The source hash of each benchmark is not part of the fingerprint: it is compared per benchmark, so that
 * one changed benchmark does not make the whole suite incomparable.
 *
 * @param hard the hard keys, in a fixed order
 * @param soft the soft keys
 */
public record Fingerprint(Map<String, String> hard, Map<String, String> soft) {

    public Fingerprint {
        hard = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hard));
        soft = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(soft));
    }

    /** The fingerprint of the environment {@code run} was measured in. */
    public static Fingerprint of(RunResult run) {
        return of(run.environment());
    }

    /** The fingerprint of {@code env}. */
    public static Fingerprint of(Environment env) {
        Host h = env.host();
        RuntimeInfo rt = env.runtime();
        Map<String, String> hard = new LinkedHashMap<>();
        hard.put("cpu_model", text(h.cpuModel()));
        hard.put("cpus", h.cpus() > 0 ? Integer.toString(h.cpus()) : Environment.UNKNOWN);
        hard.put("cpu_quota", h.cpuQuota() > 0 && Double.isFinite(h.cpuQuota())
                ? String.format(Locale.ROOT, "%.2f", h.cpuQuota()) : Environment.UNKNOWN);
        // Memory as whole GiB: MemTotal moves by a few kB between boots of the same machine.
        hard.put("memory_gib", h.memoryBytes() > 0
                ? Long.toString(Math.round(h.memoryBytes() / (1024.0 * 1024 * 1024))) : Environment.UNKNOWN);
        hard.put("os", text(h.os()));
        hard.put("kernel", text(h.kernel()));
        hard.put("arch", text(h.arch()));
        hard.put("jdk_vendor", text(rt.vendor()));
        hard.put("jdk_version", text(rt.version()));
        hard.put("jvm", text(rt.vm()));
        hard.put("gc", text(rt.gc()));
        hard.put("heap_flags", heapFlags(rt.jvmArgs()));
        hard.put("harness", text(rt.harness()));
        Map<String, String> soft = new LinkedHashMap<>();
        soft.put("host", text(h.hostname()));
        soft.put("load", Double.isFinite(h.load()) && h.load() >= 0
                ? String.format(Locale.ROOT, "%.2f", h.load()) : Environment.UNKNOWN);
        return new Fingerprint(hard, soft);
    }

    /** The JVM options that shape the heap and the collector, in order; "none" when there are none. */
    static String heapFlags(List<String> jvmArgs) {
        List<String> kept = new ArrayList<>();
        for (String a : jvmArgs == null ? List.<String>of() : jvmArgs) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xmn") || a.startsWith("-Xss")
                    || (a.startsWith("-XX:") && (a.contains("GC") || a.contains("Heap") || a.contains("RAM")
                            || a.contains("NewSize") || a.contains("NewRatio") || a.contains("SurvivorRatio")
                            || a.contains("CompressedOops") || a.contains("TLAB")))) {
                kept.add(a);
            }
        }
        return kept.isEmpty() ? "none" : String.join(" ", kept);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? Environment.UNKNOWN : s.strip();
    }

    /** SHA-256 of the hard keys, in hex: equal for runs that may be compared. */
    public String hash() {
        StringBuilder sb = new StringBuilder();
        hard.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return Hex.of(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The hard keys whose values differ, where both sides know them. */
    public List<Difference> differences(Fingerprint candidate) {
        List<Difference> out = new ArrayList<>();
        hard.forEach((k, v) -> {
            String c = candidate.hard.getOrDefault(k, Environment.UNKNOWN);
            if (!Environment.UNKNOWN.equals(v) && !Environment.UNKNOWN.equals(c) && !v.equals(c)) {
                out.add(new Difference(k, v, c));
            }
        });
        return out;
    }

    /** The hard keys that one side or both do not know, so that they could not be checked. */
    public List<String> unchecked(Fingerprint candidate) {
        List<String> out = new ArrayList<>();
        hard.forEach((k, v) -> {
            if (Environment.UNKNOWN.equals(v) || Environment.UNKNOWN.equals(candidate.hard.getOrDefault(k,
                    Environment.UNKNOWN))) {
                out.add(k);
            }
        });
        return out;
    }

    /**
     * One hard key that differs.
     *
     * @param key the key, e.g. {@code jdk_version}
     * @param baseline its value in the baseline
     * @param candidate its value in the candidate
     */
    public record Difference(String key, String baseline, String candidate) {
        @Override
        public String toString() {
            return key + ": " + baseline + " → " + candidate;
        }
    }
}
