package dev.benchbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.spec.SpecProblem;
import dev.benchbook.spec.SuiteValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Baseline ratios, the headline, and the names of param and fixed columns, through the facade. */
class BaselineAndColumnsTest {

    private static long work(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += i * 31L ^ s;
        }
        return s;
    }

    private static Suite<Void> twoBenchmarks() {
        return Bench.suite("ratios").param("n", 100, 400)
                .benchmarkLong("a", ctx -> work(ctx.intParam("n")))
                .benchmarkLong("b", ctx -> work(3 * ctx.intParam("n")))
                .warmup(1).iterations(4).iterationTime(Duration.ofMillis(2)).quiet();
    }

    @Test
    void baselineGivesRatiosWithIntervalsAndTheBaselinesOwnIsOne() {
        Results r = twoBenchmarks().baseline("a").run();
        Table s = r.summary();
        List<String> names = s.columnNames();
        int at = names.indexOf("ratio");
        assertEquals(List.of("max_ns", "ratio", "ratio_ci_low", "ratio_ci_high", "cpu_ns"), names.subList(at - 1, at + 4));
        for (int row = 0; row < s.rowCount(); row++) {
            String bench = s.stringColumn("benchmark").get(row);
            int n = s.intColumn("n").get(row);
            double ratio = s.doubleColumn("ratio").get(row);
            double low = s.doubleColumn("ratio_ci_low").get(row);
            double high = s.doubleColumn("ratio_ci_high").get(row);
            if (bench.equals("a")) {
                assertEquals(List.of(1.0, 1.0, 1.0), List.of(ratio, low, high), "the baseline against itself, n=" + n);
                continue;
            }
            Table ofA = s.where(s.stringColumn("benchmark").isEqualTo("a").and(s.intColumn("n").isEqualTo(n)));
            assertEquals(s.doubleColumn("mean_ns").get(row) / ofA.doubleColumn("mean_ns").get(0), ratio, 1e-9 * ratio,
                    "the ratio of means at the same params, n=" + n);
            assertTrue(low <= ratio && ratio <= high, low + " <= " + ratio + " <= " + high);
            assertTrue(low > 0 && Double.isFinite(high));
        }

        Table headline = r.headline();
        assertTrue(headline.columnNames().contains("ratio"), headline.columnNames().toString());
        assertEquals(List.of("a (baseline)", "b", "a (baseline)", "b"), headline.stringColumn("benchmark").asList());
        assertEquals("1.00 [1.00, 1.00]", headline.stringColumn("ratio").get(0));
        assertTrue(headline.stringColumn("ratio").get(1).matches("\\d+\\.\\d\\d \\[\\d+\\.\\d\\d, \\d+\\.\\d\\d\\]"),
                headline.stringColumn("ratio").get(1));
    }

    @Test
    void withoutABaselineThereAreNoRatioColumns() {
        Results r = twoBenchmarks().run();
        assertFalse(r.summary().columnNames().contains("ratio"));
        assertFalse(r.summary().columnNames().contains("ratio_ci_low"));
        assertFalse(r.headline().columnNames().contains("ratio"));
        assertFalse(r.headline().stringColumn("benchmark").asList().contains("a (baseline)"));
    }

    @Test
    void unknownBaselineIsAValidationErrorListingTheBenchmarks() {
        var e = assertThrows(SuiteValidationException.class, () -> twoBenchmarks().baseline("nope").build());
        assertEquals(1, e.problems().size(), e.getMessage());
        SpecProblem p = e.problems().get(0);
        assertEquals("baseline", p.field());
        assertEquals("\"nope\"", p.value());
        assertEquals("names no benchmark of this suite", p.rule());
        assertEquals("use one of [a, b]", p.fix());
    }

    @Test
    void aParamNamedNKeepsItsColumnAndNIterationsHoldsTheCounts() {
        Table s = twoBenchmarks().run().summary();
        assertEquals(List.of(100, 100, 400, 400), s.intColumn("n").asList());
        assertEquals(List.of(4, 4, 4, 4), s.intColumn("n_iterations").asList());
        Table samples = twoBenchmarks().run().samples();
        assertEquals(16, samples.rowCount());
        assertEquals(8, samples.intColumn("n").isEqualTo(400).size());
    }

    @Test
    void paramsNamedLikeFixedColumnsAreRefusedWithTheRuleAndTheFix() {
        for (String name : List.of("mean_ns", "status", "ratio", "n_iterations", "cpu_ns")) {
            var e = assertThrows(SuiteValidationException.class,
                    () -> Bench.suite("s").param(name, 1, 2).benchmark("a", ctx -> 1).build(), name);
            assertEquals(1, e.problems().size(), e.getMessage());
            SpecProblem p = e.problems().get(0);
            assertEquals("param(\"" + name + "\")", p.field());
            assertEquals("[1, 2]", p.value(), "the values, as other param problems show them");
            assertTrue(p.rule().contains("fixed result column"), p.rule());
            assertEquals("rename the param, e.g. param(\"" + name + "_value\", ...)", p.fix());
            assertTrue(e.getMessage().contains(p.message()), e.getMessage());
        }
    }

    @Test
    void invalidValuesOfTheNewControlsAreReportedTogether() {
        var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("s").benchmark("a", ctx -> 1)
                .adaptiveWarmup(5, 2).memoryLimit(0).jvmArgs("-Xmx1g").baseline("nope").build());
        List<String> fields = e.problems().stream().map(SpecProblem::field).toList();
        assertEquals(List.of("baseline", "adaptiveWarmup(max)", "memoryLimit", "jvmArgs"), fields, e.getMessage());
        assertTrue(e.getMessage().startsWith("Suite 's' is invalid (4 problems):"), e.getMessage());
        SpecProblem warm = e.problems().get(1);
        assertEquals("2", warm.value());
        assertEquals("must be >= the minimum (5)", warm.rule());
        SpecProblem jvm = e.problems().get(3);
        assertEquals("[-Xmx1g]", jvm.value());
        assertTrue(jvm.fix().contains(".forks(1)"), jvm.fix());
    }

    @Test
    void jvmArgsWithForksAreAccepted() {
        var spec = Bench.suite("s").benchmark("a", ctx -> 1).jvmArgs("-Xmx1g").forks(1).build();
        assertEquals(List.of("-Xmx1g"), spec.controls().jvmArgs());
    }
}
