package dev.benchbook.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Environment;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built results and golden-file helpers shared by the JMH tests. Nothing here runs a benchmark. */
final class JmhFixtures {
    private JmhFixtures() {}

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final Environment ENV = new Environment("17.0.15", "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1",
            "Linux 6.1.0 amd64", 2, 8L << 30, "-Xmx8g -XX:+UseG1GC");

    /**
     * Suite "sorting", params size {100, 1000} × kind {random}, benchmarks "arrays.sort" (OK at both
     * sizes, 2 warmup + 5 measured samples; allocation measured only at size 100) and "boom" (failed at
     * size 100, timed out at size 1000). Confidence 0.95, to show that the export uses 99.9% anyway.
     */
    static RunResult sortingResult() {
        SuiteDescriptor suite = new SuiteDescriptor("sorting", "hand-built",
                List.of(new ParamSpec("size", List.of(100, 1000)), new ParamSpec("kind", List.of("random"))),
                List.of("arrays.sort", "boom"),
                RunControls.fixed(2, 5, Duration.ofMillis(100), Duration.ofMinutes(5), 42, 0.95));
        ParamSet small = params(100);
        ParamSet large = params(1000);
        List<BenchmarkRun> runs = List.of(
                new BenchmarkRun("arrays.sort", small, Status.OK, "",
                        samples(1000, new long[] {1_900_000, 1_400_000, 1_250_000, 1_262_000, 1_248_000, 1_301_000,
                            1_295_000}, new long[] {500_000, 416_000, 416_000, 416_000, 416_500, 416_000, 416_000})),
                new BenchmarkRun("boom", small, Status.FAILED, "java.lang.IllegalStateException: no", List.of()),
                new BenchmarkRun("arrays.sort", large, Status.OK, "",
                        samples(100, new long[] {2_500_000, 1_900_000, 1_840_000, 1_852_000, 1_837_000, 1_890_000,
                            1_875_000}, null)),
                new BenchmarkRun("boom", large, Status.TIMED_OUT, "timed out after PT5M",
                        samples(100, new long[] {9_000_000}, null)));
        return new RunResult(suite, ENV, Instant.parse("2025-01-02T03:04:05Z"), Duration.ofSeconds(7), runs);
    }

    static ParamSet params(int size) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", size);
        m.put("kind", "random");
        return new ParamSet(m);
    }

    /** Two warmup samples first, the rest measured; allocation -1 when {@code alloc} is null. */
    static List<IterationSample> samples(long batch, long[] wallNs, long[] alloc) {
        List<IterationSample> out = new ArrayList<>();
        for (int i = 0; i < wallNs.length; i++) {
            out.add(IterationSample.jvm(i, i < 2, batch, wallNs[i], wallNs[i] / 2, alloc == null ? -1 : alloc[i],
                    i % 2, i, 0x1234L));
        }
        return out;
    }

    static Path resource(String name) {
        try {
            return Path.of(JmhFixtures.class.getResource("/jmh/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readTree(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that two JSON trees are equal: same object keys, same array lengths, equal strings and
     * booleans, and numbers equal within a relative 1e-12 (golden numbers were computed outside Java).
     */
    static void assertJsonEquals(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.asDouble();
            double a = actual.asDouble();
            assertTrue(Math.abs(e - a) <= 1e-12 * Math.max(1, Math.abs(e)), path + ": expected " + e + " but was " + a);
            return;
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), path + ": node type");
        if (expected.isObject()) {
            assertEquals(fieldNames(expected), fieldNames(actual), path + ": keys");
            expected.fieldNames()
                    .forEachRemaining(k -> assertJsonEquals(expected.get(k), actual.get(k), path + "." + k));
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path + ": array length");
            for (int i = 0; i < expected.size(); i++) {
                assertJsonEquals(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (!expected.equals(actual)) {
            fail(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        names.sort(null);
        return names;
    }
}
