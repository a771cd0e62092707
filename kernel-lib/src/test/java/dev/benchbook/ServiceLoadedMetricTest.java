package dev.benchbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.MetricSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

/**
 * A metric source registered through {@code META-INF/services} (see the test resources) is read around
 * every batch of every suite, and one registered in the DSL only in its suite.
 */
class ServiceLoadedMetricTest {

    /** Counts calls of {@link #tick()} from the benchmark, as a counter a profiler might keep. */
    public static final class TickSource implements MetricSource {
        static volatile long ticks;

        static void tick() {
            ticks++;
        }

        @Override
        public String id() {
            return "test-ticks";
        }

        @Override
        public List<Metric> metrics() {
            return List.of(new Metric("test_ticks_per_op", "count/op", Metric.Direction.LOWER_IS_BETTER,
                    Metric.Scope.PER_OP, Metric.Aggregate.MEAN, "calls of tick() per operation"));
        }

        @Override
        public Map<String, String> unsupported() {
            return Map.of("test_unavailable", "unsupported: this test source never gives it");
        }

        @Override
        public Probe open() {
            return new Probe() {
                @Override
                public void begin(long[] into, int offset) {
                    into[offset] = ticks;
                }

                @Override
                public void end(long[] into, int offset) {
                    into[offset] = ticks;
                }
            };
        }
    }

    /** A DSL-registered source that reads a constant, to tell it apart. */
    static final class SevenSource implements MetricSource {
        private long calls;

        @Override
        public String id() {
            return "seven";
        }

        @Override
        public List<Metric> metrics() {
            return List.of(new Metric("sevens", "count", Metric.Direction.NEUTRAL, Metric.Scope.PER_ITERATION,
                    Metric.Aggregate.SUM, "seven per iteration"));
        }

        @Override
        public Probe open() {
            return new Probe() {
                @Override
                public void begin(long[] into, int offset) {
                    into[offset] = calls;
                }

                @Override
                public void end(long[] into, int offset) {
                    calls += 7;
                    into[offset] = calls;
                }
            };
        }
    }

    @Test
    void serviceLoadedSourceIsReadAroundEveryBatchAndDescribedOnce() {
        Results r = Bench.suite("ticks").benchmark("twice", ctx -> {
            TickSource.tick();
            TickSource.tick();
            return 1;
        }).warmup(1).iterations(3).iterationTime(Duration.ofMillis(2)).quiet().run();
        Table samples = r.samples();
        assertTrue(samples.columnNames().contains("test_ticks_per_op"), samples.columnNames().toString());
        for (double v : samples.doubleColumn("test_ticks_per_op").asDoubleArray()) {
            assertEquals(2.0, v, 1e-9, "two ticks per invocation, the untimed verification call outside the batch");
        }
        assertEquals(2.0, r.summary().doubleColumn("test_ticks_per_op").get(0), 1e-9);
        Table metrics = r.metrics();
        Table unit = metrics.where(metrics.stringColumn("metric").isEqualTo("test_ticks_per_op"));
        assertEquals("count/op", unit.stringColumn("unit").get(0));
        Table missing = metrics.where(metrics.stringColumn("metric").isEqualTo("test_unavailable"));
        assertFalse(missing.booleanColumn("supported").get(0));
        assertEquals("unsupported: this test source never gives it", missing.stringColumn("reason").get(0));
        assertFalse(r.summary().columnNames().contains("test_unavailable"), "an unsupported metric is never a column");
    }

    @Test
    void dslSourceIsReadOnlyInItsSuite() {
        Results with = Bench.suite("with").benchmark("b", ctx -> 1).metrics(new SevenSource())
                .warmup(0).iterations(4).iterationTime(Duration.ofMillis(1)).quiet().run();
        assertEquals(28.0, with.summary().doubleColumn("sevens").get(0), 1e-9, "a SUM aggregate: 7 × 4 iterations");
        Results without = Bench.suite("without").benchmark("b", ctx -> 1)
                .warmup(0).iterations(2).iterationTime(Duration.ofMillis(1)).quiet().run();
        assertFalse(without.summary().columnNames().contains("sevens"));
    }
}
