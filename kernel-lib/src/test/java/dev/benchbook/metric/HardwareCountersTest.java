package dev.benchbook.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Hardware counters are reported unsupported with the platform's reason, never as a number. Temporary
 * directories stand in for {@code /sys/bus/event_source/devices} and {@code
 * /proc/sys/kernel/perf_event_paranoid}.
 */
class HardwareCountersTest {
    private static final List<String> COUNTERS = List.of("cycles", "instructions", "cache_misses");

    private static HardwareCounters counters(Path root, boolean pmu, String paranoid) throws IOException {
        Path devices = Files.createDirectories(root.resolve("devices"));
        Files.createDirectories(devices.resolve("software"));
        if (pmu) {
            Files.createDirectories(devices.resolve("cpu"));
        }
        Path level = root.resolve("perf_event_paranoid");
        if (paranoid != null) {
            Files.writeString(level, paranoid);
        }
        return new HardwareCounters(devices, level);
    }

    /** The one reason every counter shares. */
    private static String reason(HardwareCounters c) {
        Map<String, String> unsupported = c.unsupported();
        assertEquals(Set.copyOf(COUNTERS), unsupported.keySet());
        assertEquals(1, unsupported.values().stream().distinct().count(), unsupported.toString());
        assertTrue(c.metrics().isEmpty(), "a counter it cannot read is never offered as a metric");
        return unsupported.get("cycles");
    }

    @Test
    void withoutACpuPmuTheReasonSaysThereIsNoHardwarePmu(@TempDir Path root) throws IOException {
        HardwareCounters c = counters(root, false, "1\n");
        String why = reason(c);
        assertTrue(why.startsWith("unsupported: no hardware PMU exposed to this machine"), why);
        assertTrue(why.contains(root.resolve("devices").resolve("cpu") + " is missing"), why);
    }

    @Test
    void paranoidAboveTwoMeansNoPerfEventAccessAndSaysTheFix(@TempDir Path root) throws IOException {
        String why = reason(counters(root, true, "3\n"));
        assertTrue(why.startsWith("unsupported: no perf_event access"), why);
        assertFalse(counters(root, true, "3").countable());
        assertTrue(why.contains("perf_event_paranoid is 3"), why);
        assertTrue(why.contains("lower it to 2 or less"), why);
    }

    @Test
    void anUnreadableParanoidLevelIsNoPerfEventAccess(@TempDir Path root) throws IOException {
        assertTrue(reason(counters(root, true, null)).contains("cannot be read"));
        assertTrue(reason(counters(root.resolve("garbled"), true, "lots")).contains("cannot be read"));
    }

    @Test
    void pmuAndPermissionStillLeaveTheInProcessReason(@TempDir Path root) throws IOException {
        for (String level : List.of("1\n", "2", "-1")) {
            HardwareCounters c = counters(root.resolve("level" + level.trim()), true, level);
            String why = reason(c);
            assertTrue(why.startsWith("unsupported: "), why);
            assertTrue(why.contains("perf_event_open") && why.contains(".forks(n)"), why);
            assertTrue(c.countable(), "a PMU and paranoid <= 2: forks count with perf stat");
            assertFalse(why.contains("PMU"), why);
            assertFalse(why.contains("no perf_event access"), why);
        }
    }

    @Test
    void probeWritesNothing(@TempDir Path root) throws IOException {
        MetricSource.Probe p = counters(root, true, "1").open();
        long[] into = {7, 7, 7};
        p.begin(into, 0);
        p.end(into, 1);
        assertEquals(List.of(7L, 7L, 7L), Arrays.stream(into).boxed().toList());
    }

    @Test
    void aRealRunListsTheCountersUnsupportedWithAReasonAndHasNoColumnsForThem() {
        Results r = Bench.suite("hw").benchmark("b", ctx -> 1)
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(1)).quiet().run();
        Table metrics = r.metrics();
        for (String id : COUNTERS) {
            Table row = metrics.where(metrics.stringColumn("metric").isEqualTo(id));
            assertEquals(1, row.rowCount(), id + " in\n" + metrics.print());
            assertFalse(row.booleanColumn("supported").get(0), id);
            String why = row.stringColumn("reason").get(0);
            assertTrue(why.startsWith("unsupported"), why);
            assertEquals(HardwareCounters.INSTANCE.unsupported().get(id), why);
            assertFalse(row.stringColumn("description").get(0).isEmpty(), id);
            assertFalse(r.summary().columnNames().contains(id), id + " must not be a summary column");
            assertFalse(r.allSamples().columnNames().contains(id), id + " must not be a samples column");
            assertFalse(r.result().metrics().has(id));
        }
    }
}
