package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion and inspection on Benchbook's DSL, with the library's javadoc (sources set by the pom, as the installer does). */
class InspectionTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = JShellEvaluator.create();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void completionAfterASuiteListsTheBuildersMethods() {
        String code = "Bench.suite(\"x\").";
        ReplacementOptions options = evaluator.complete(code, code.length());
        List<String> r = options.getReplacements();
        for (String method : List.of("warmup(", "iterations(", "benchmark(", "maxTime(", "param(", "run()")) {
            assertTrue(r.contains(method), method + " missing from " + r);
        }
        assertEquals(code.length(), options.getSourceStart());
    }

    @Test
    void inspectingABuilderMethodShowsItsJavadocWithTheDefault() {
        String code = "Bench.suite(\"x\").warmup";
        List<String> docs = evaluator.documentation(code, code.length(), true);
        String doc = String.join("\n", docs);
        assertTrue(doc.startsWith("Suite<S> Suite<S>.warmup(int iterations)"), doc);
        assertTrue(doc.contains("Sets exactly iterations warmup iterations, >= 0, turning adaptive warmup off. Default: adaptive, at least Defaults.WARMUP_ITERATIONS (5)"),
                doc);
    }

    @Test
    void inspectingInsideTheCallWorksToo() {
        String code = "Bench.suite(\"x\").maxTime(";
        String doc = String.join("\n", evaluator.documentation(code, code.length(), true));
        assertTrue(doc.contains("Default: Defaults.MAX_TIME (PT10S)"), doc);
    }

    @Test
    void javadocTextDropsTagsAndKeepsCode() {
        assertEquals("Uses java.util.List.of. Default: 5.\n\nMore.", JavadocText.plain("Uses {@link java.util.List#of}. Default:"
                + " {@code 5}.<p>More."));
        assertEquals("a < b", JavadocText.plain("a &lt; b"));
    }
}
