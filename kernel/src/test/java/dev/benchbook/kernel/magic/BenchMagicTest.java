package dev.benchbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Results;
import dev.benchbook.kernel.CellException;
import dev.benchbook.kernel.CellException.MagicError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BenchMagicTest {
    /** Short runs: the tests check what is measured and printed, not the figures. */
    private static final String FAST = "--time 100ms --warmup 1 --iteration-time 5ms";
    private static final String LINE = "[0-9.]+ (ns|µs|ms) ± [0-9.]+ (ns|µs|ms) \\(99\\.9% CI\\), [0-9.,]+ B/op, "
            + "[0-9,]+ iterations × [0-9,]+ ops";
    private static Kernel kernel;

    @BeforeAll
    static void start() {
        kernel = new Kernel();
        kernel.run("var words = List.of(\"a\", \"bb\", \"ccc\");\n"
                + "long[] numbers = new long[64];\nfor (int i = 0; i < 64; i++) numbers[i] = i * 1_000L;");
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    private static Table summary(Object value) {
        return assertInstanceOf(Results.class, value).summary();
    }

    @Test
    void cellBodyIsBenchmarkedAndItsLastExpressionConsumed() {
        kernel.output();
        Table t = summary(kernel.run("%%bench " + FAST + "\nvar sb = new StringBuilder();\n"
                + "for (String w : words) sb.append(w);\nsb.toString()"));
        String out = kernel.output();
        assertTrue(out.strip().matches(LINE), out);
        assertEquals("cell [1]", t.stringColumn("benchmark").get(0));
        assertEquals("ok", t.stringColumn("status").get(0));
        assertTrue(t.doubleColumn("alloc_bytes_per_op").get(0) > 0, "a new StringBuilder and String per op");
        assertTrue(t.column("output_hash").getString(0).length() > 0);
    }

    @Test
    void integralResultsAreConsumedWithoutBoxing() {
        Table t = summary(kernel.run("%%bench " + FAST + "\nlong total = 0;\nfor (long v : numbers) total += v;\n"
                + "total * 1_000_003L"));
        kernel.output();
        // A boxed long above 127 would allocate 16 B per op.
        assertEquals(0.0, t.doubleColumn("alloc_bytes_per_op").get(0), 0.5);
    }

    @Test
    void doubleResultsToo() {
        Table t = summary(kernel.run("%bench " + FAST + " Math.sqrt(numbers.length + 0.5)"));
        kernel.output();
        assertEquals(0.0, t.doubleColumn("alloc_bytes_per_op").get(0), 0.5);
    }

    @Test
    void statementAtTheEndIsRunAndANoteSaysNothingIsConsumed() {
        kernel.run("var sink = new java.util.ArrayList<Integer>();");
        summary(kernel.run("%%bench " + FAST + "\nsink.clear();\nsink.add(1);\nsink.clear()"));
        String out = kernel.output();
        assertTrue(out.startsWith("Note: the code ends with a statement"), out);
    }

    @Test
    void quietPrintsNothingButStillGivesResults() {
        Table t = summary(kernel.run("%bench --quiet " + FAST + " words.size()"));
        assertEquals("", kernel.output());
        assertEquals(1, t.rowCount());
    }

    @Test
    void fixedIterationsAreHonoured() {
        Table t = summary(kernel.run("%bench --iterations 4 --warmup 0 --iteration-time 2ms words.hashCode()"));
        kernel.output();
        String n = t.columnNames().contains("n_iterations") ? "n_iterations" : "n";
        assertEquals(4, ((Number) t.column(n).get(0)).intValue());
    }

    @Test
    void undeclaredNameIsNamed() {
        MagicError e = assertThrows(MagicError.class, () -> kernel.run("%%bench " + FAST + "\nundefinedName + 1"));
        assertEquals("%%bench: the code uses variable undefinedName, which is not declared yet;"
                + " declare it in an earlier cell", e.headline());
    }

    @Test
    void compileErrorNamesTheCellLine() {
        CellException e = assertThrows(CellException.CompilationError.class,
                () -> kernel.run("%%bench " + FAST + "\nint x = 1;\nx.length()"));
        assertEquals("Compilation error in line 3: int cannot be dereferenced", e.headline());
        assertTrue(e.details().get(0).contains("x.length()"), e.details().toString());
    }

    @Test
    void failingCodeIsACellError() {
        MagicError e = assertThrows(MagicError.class,
                () -> kernel.run("%bench " + FAST + " Integer.parseInt(\"not a number\")"));
        assertTrue(e.headline().startsWith("%bench: the benchmark failed: benchmark threw NumberFormatException"),
                e.headline());
        kernel.output();
    }

    @Test
    void anExitInABenchmarkIsRefused() {
        MagicError e = assertThrows(MagicError.class, () -> kernel.run("%bench " + FAST + " { System.exit(0); }"));
        assertTrue(e.headline().contains("System.exit(0) refused"), e.headline());
        kernel.output();
    }

    @Test
    void declarationsAndBadOptionsAreRefused() {
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%%bench\nint twice(int x) { return 2 * x; }\n1"))
                .headline().contains("holds a method declaration"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%%bench\nimport java.util.zip.*;\n1"))
                .headline().contains("holds an import"));
        assertEquals("%%bench --time 2x: not a duration; write a number and a unit (ns, us, ms, s, m),"
                + " e.g. 500ms, 2s or 1.5m", assertThrows(MagicError.class,
                () -> kernel.run("%%bench --time 2x\n1 + 1")).headline());
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%%bench\n")).headline()
                .startsWith("%%bench: the cell has no code below the magic"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%bench --time 1s")).headline()
                .startsWith("%bench: no code given"));
        assertTrue(assertThrows(MagicError.class, () -> kernel.run("%%bench words.size()\n1")).headline()
                .contains("is not an option; put the code on the lines below"));
    }

    @Test
    void javaAfterALineMagicStillRuns() {
        Object v = kernel.run("%bench --quiet " + FAST + " words.size()\nint afterBench = 5;\nafterBench * 2");
        assertEquals(10, v);
    }
}
