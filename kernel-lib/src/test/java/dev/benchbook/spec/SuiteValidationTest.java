package dev.benchbook.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteValidationTest {

    @Test
    void zeroIterationsNamesFieldValueRuleAndFix() {
        var e = assertThrows(SuiteValidationException.class,
                () -> Bench.suite("s").benchmark("a", ctx -> 1).iterations(0).build());
        assertEquals(1, e.problems().size());
        SpecProblem p = e.problems().get(0);
        assertEquals("iterations", p.field());
        assertEquals("0", p.value());
        assertEquals("must be >= 1", p.rule());
        assertTrue(p.fix().startsWith("use iterations("), p.fix());
        assertTrue(e.getMessage().contains("iterations(0): must be >= 1; use iterations("), e.getMessage());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("s")
                .param("size")
                .benchmark("a", ctx -> 1)
                .benchmark("a", ctx -> 2)
                .warmup(-1)
                .iterations(0)
                .timeout(Duration.ZERO)
                .confidence(1.5)
                .build());
        List<String> fields = e.problems().stream().map(SpecProblem::field).toList();
        assertEquals(List.of("param(\"size\")", "benchmark(\"a\")", "warmup", "iterations", "timeout", "confidence"),
                fields);
        assertTrue(e.getMessage().startsWith("Suite 's' is invalid (6 problems):"), e.getMessage());
    }

    @Test
    void adaptiveCapsAndTargetAreValidated() {
        var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("s").benchmark("a", ctx -> 1)
                .minIterations(20).maxIterations(10).targetPrecision(0).maxTime(Duration.ofSeconds(-1)).build());
        List<String> fields = e.problems().stream().map(SpecProblem::field).toList();
        assertEquals(List.of("maxIterations", "targetPrecision", "maxTime"), fields);
        assertTrue(e.getMessage().contains("maxIterations(10): must be >= minIterations (20)"), e.getMessage());
    }

    @Test
    void duplicateBenchmarkNameIsRejected() {
        var e = assertThrows(SuiteValidationException.class,
                () -> Bench.suite("s").benchmark("x", ctx -> 1).benchmark("x", ctx -> 2).build());
        assertEquals("duplicate benchmark name", e.problems().get(0).rule());
        assertEquals("x", e.problems().get(0).value());
    }

    @Test
    void emptyParamListIsRejectedWithExample() {
        var e = assertThrows(SuiteValidationException.class,
                () -> Bench.suite("s").param("size").benchmark("x", ctx -> 1).build());
        SpecProblem p = e.problems().get(0);
        assertEquals("needs at least one value", p.rule());
        assertTrue(p.fix().contains("param(\"size\", 1_000, 100_000)"), p.fix());
    }

    @Test
    void suiteWithoutBenchmarksIsRejected() {
        var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("s").build());
        assertEquals("benchmark", e.problems().get(0).field());
    }

    @Test
    void statefulBenchmarkWithoutSetupIsRejected() {
        var e = assertThrows(SuiteValidationException.class,
                () -> Bench.suite("s").benchmark("x", (ctx, state) -> state).build());
        assertEquals("reads state but the suite has no setup", e.problems().get(0).rule());
    }

    @Test
    void duplicateAndNullParamValuesAreRejected() {
        var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("s")
                .param("a", 1, 1).param("b", 1, null).param("a", 2).benchmark("x", ctx -> 1).build());
        List<String> rules = e.problems().stream().map(SpecProblem::rule).toList();
        assertEquals(List.of("values must be distinct", "values must not be null", "declared twice"), rules);
    }

    @Test
    void validSuiteBuildsWithDefaultsAndCartesianParams() {
        SuiteSpec spec = Bench.suite("s").param("a", 1, 2).param("b", "x", "y", "z")
                .setup(ctx -> ctx.intParam("a")).benchmark("x", (ctx, s) -> s + 1).build();
        assertFalse(spec.controls().fixedIterations(), "the default run is adaptive");
        assertEquals(Defaults.MIN_ITERATIONS, spec.controls().iterations());
        assertEquals(Defaults.TARGET_PRECISION, spec.controls().targetPrecision());
        assertEquals(Defaults.WARMUP_ITERATIONS, spec.controls().warmupIterations());
        assertEquals(0.999, spec.controls().confidence());
        List<ParamSet> sets = spec.paramSets();
        assertEquals(6, sets.size());
        assertEquals("a=1, b=x", sets.get(0).key());
        assertEquals("a=2, b=z", sets.get(5).key());
    }
}
