package dev.benchbook.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.plot.TestRuns;
import dev.benchbook.result.Environment;
import dev.benchbook.result.Host;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void hardKeysComeFromTheHostAndTheRuntime() {
        Fingerprint f = Fingerprint.of(TestRuns.ENVIRONMENT);
        assertEquals("Example CPU @ 3.00GHz", f.hard().get("cpu_model"));
        assertEquals("2", f.hard().get("cpus"));
        assertEquals("8", f.hard().get("memory_gib"));
        assertEquals("17.0.15", f.hard().get("jdk_version"));
        assertEquals("-Xmx4g", f.hard().get("heap_flags"));
        assertEquals("bench-host", f.soft().get("host"));
        assertEquals(16, f.hash().length());
    }

    @Test
    void softKeysNeitherChangeTheHashNorCountAsDifferences() {
        Host h = TestRuns.ENVIRONMENT.host();
        Environment other = new Environment(new Host("another-host", h.os(), h.kernel(), h.arch(), h.cpuModel(),
                h.cpus(), h.cpuQuota(), h.memoryBytes() + 4096, 1.7), TestRuns.ENVIRONMENT.runtime());
        Fingerprint a = Fingerprint.of(TestRuns.ENVIRONMENT);
        Fingerprint b = Fingerprint.of(other);
        assertEquals(a.hash(), b.hash(), "host name, load and a few kB of MemTotal do not matter");
        assertEquals(List.of(), a.differences(b));
        Environment fewer = new Environment(new Host("x", h.os(), h.kernel(), h.arch(), h.cpuModel(), 4, h.cpuQuota(),
                h.memoryBytes(), 0), TestRuns.ENVIRONMENT.runtime());
        assertNotEquals(a.hash(), Fingerprint.of(fewer).hash());
        assertEquals("cpus: 2 → 4", a.differences(Fingerprint.of(fewer)).get(0).toString());
    }

    @Test
    void unknownKeysAreUncheckedNotDifferent() {
        Environment imported = new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "Linux", 2, -1, "");
        Fingerprint a = Fingerprint.of(TestRuns.ENVIRONMENT);
        Fingerprint b = Fingerprint.of(imported);
        assertTrue(a.unchecked(b).contains("cpu_model"), a.unchecked(b).toString());
        assertTrue(a.differences(b).stream().noneMatch(d -> d.key().equals("cpu_model")));
    }

    @Test
    void onlyHeapAndCollectorFlagsAreHardKeys() {
        assertEquals("-Xmx2g -XX:+UseParallelGC -XX:MaxRAMPercentage=50",
                Fingerprint.heapFlags(List.of("-Xmx2g", "-Dfoo=bar", "-XX:+UseParallelGC",
                        "-XX:CompileCommand=blackhole,x", "-XX:MaxRAMPercentage=50", "-javaagent:a.jar")));
        assertEquals("none", Fingerprint.heapFlags(List.of("-Dx=1")));
    }
}
