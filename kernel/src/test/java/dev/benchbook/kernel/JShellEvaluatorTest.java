package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.display.Displayable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class JShellEvaluatorTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void startJShell() {
        evaluator = JShellEvaluator.create();
    }

    @AfterAll
    static void closeJShell() {
        evaluator.close();
    }

    private static Object value(String cell) {
        JShellEvaluator.Result r = evaluator.eval(cell);
        assertTrue(r.hasValue(), () -> "no value for: " + cell);
        return r.value();
    }

    @Test
    void expressionValueIsTheActualObject() {
        Object v = value("new java.util.ArrayList<>(java.util.List.of(1, 2))");
        ArrayList<?> list = assertInstanceOf(ArrayList.class, v);
        assertEquals(List.of(1, 2), list);
    }

    @Test
    void objectsAreInstancesOfTheKernelsClasses() {
        assertInstanceOf(Table.class, value("Table.create(\"t\", IntColumn.create(\"a\", 1, 2))"));
        Object d = value("new dev.benchbook.display.Displayable() {"
                + " public String toHtml() { return \"<b>x</b>\"; }"
                + " public String toText() { return \"x\"; } }");
        assertEquals("<b>x</b>", assertInstanceOf(Displayable.class, d).toHtml());
    }

    @Test
    void snippetClassBytesAreResourcesOfTheirLoader() {
        Object bytes = value("class Probe {}\nvar probeLoader = Probe.class.getClassLoader();\n"
                + "probeLoader.getResourceAsStream(Probe.class.getName().replace('.', '/') + \".class\").readAllBytes()");
        byte[] classFile = assertInstanceOf(byte[].class, bytes);
        assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(classFile).getInt());
        assertEquals(true, value("Thread.currentThread().getContextClassLoader() == probeLoader"));
        assertNull(value("probeLoader.getResource(\"REPL/NoSuchClass.class\")"));
    }

    @Test
    void preImportsNeedNoImportInCells() {
        assertEquals(3, value("List.of(1, 2, 3).stream().map(Function.identity()).collect(Collectors.toList()).size()"));
        assertInstanceOf(Duration.class, value("Duration.ofSeconds(1)"));
        assertEquals("dev.benchbook.Bench", value("Bench.class.getName()"));
    }

    @Test
    void declarationsAndAssignmentsProduceNoValue() {
        assertFalse(evaluator.eval("var declared = 3;").hasValue());
        assertFalse(evaluator.eval("int declaredInt = 4;").hasValue());
        assertFalse(evaluator.eval("declaredInt = 5;").hasValue());
        assertFalse(evaluator.eval("int twice(int x) { return 2 * x; }").hasValue());
        assertEquals(10, value("twice(declaredInt)"));
        assertEquals(3, value("declared"));
    }

    @Test
    void lastSnippetOfACellGivesTheValue() {
        assertEquals(7, value("int a1 = 3;\nint b1 = 4;\na1 + b1"));
        assertFalse(evaluator.eval("int a2 = 3;\na2 + 1;\nint b2 = 0;").hasValue());
        assertNull(value("String nothing = null;\nnothing"));
    }

    @Test
    void variableSurvivesALaterImport() {
        evaluator.eval("var kept = new StringBuilder(\"alive\");\nint keptInt = 42;");
        Object before = value("kept");
        evaluator.eval("import java.util.concurrent.*;");
        assertSame(before, value("kept"));
        assertEquals(42, value("keptInt"));
        assertInstanceOf(java.util.concurrent.ConcurrentHashMap.class, value("new ConcurrentHashMap<String, String>()"));
    }

    @Test
    void variablesSurviveACellOfSeveralImports() {
        evaluator.eval("var held = new ArrayList<>(List.of(\"a\", \"b\"));\nvar counted = held.size();");
        Object before = value("held");
        evaluator.eval("import java.util.concurrent.*;\nimport java.util.concurrent.atomic.*;\n\nimport java.nio.file.*;");
        assertSame(before, value("held"));
        assertEquals(2, value("counted"));
        assertEquals(2, value("new AtomicInteger(held.size()).get()"));
    }

    /**
     * An import snippet that starts with a comment moves the line numbers of every wrapper class,
     * so JShell recompiles and redefines them; with JShell's own local engine the variables then
     * read null (jjava issues #119 and #127).
     */
    @Test
    void variablesSurviveImportsThatMakeJShellRecompile() {
        evaluator.eval("var kept2 = new ArrayList<>(List.of(\"a\", \"b\"));\nvar counted2 = kept2.size();");
        Object before = value("kept2");
        int kept = evaluator.keptRedefinitions();
        evaluator.eval("\n\n// a comment before the import\n/* and a block */\nimport java.util.regex.*;\n"
                + "var pattern = Pattern.compile(\"a+\");");
        assertTrue(evaluator.keptRedefinitions() > kept, "the import did not make JShell recompile");
        assertSame(before, value("kept2"));
        assertEquals(2, value("counted2"));
        assertEquals(true, value("pattern.matcher(\"aa\").matches()"));
        kept = evaluator.keptRedefinitions();
        evaluator.eval("// one more\nimport java.util.zip.*;");
        assertTrue(evaluator.keptRedefinitions() > kept, "the import did not make JShell recompile");
        assertSame(before, value("kept2"));
        assertEquals(true, value("pattern.matcher(\"aa\").matches()"));
    }

    @Test
    void redefinedMethodIsUsedByCallersAndDerivedVariableKeepsItsValue() {
        evaluator.eval("int base() { return 1; }");
        evaluator.eval("int scaled() { return base() * 10; }");
        evaluator.eval("var derived = base();");
        evaluator.eval("int base() { return 2; }");
        assertEquals(20, value("scaled()"));
        assertEquals(1, value("derived"));
    }

    @Test
    void compileErrorIsReportedWithSourceLineAndCaret() {
        CellException e = assertThrows(CellException.CompilationError.class,
                () -> evaluator.eval("int fine = 1;\nint broken = undefinedThing + 1;"));
        assertEquals("Compilation error in line 2: cannot find symbol", e.headline());
        assertEquals(List.of(
                "    int broken = undefinedThing + 1;",
                "                 ^" + "~".repeat("undefinedThing".length() - 1),
                "  symbol:   variable undefinedThing"), e.details());
        assertEquals(1, value("fine"));
    }

    @Test
    void everyCompileErrorOfASnippetIsShown() {
        CellException e = assertThrows(CellException.CompilationError.class,
                () -> evaluator.eval("\n  int sum = missingA +\n    missingB;"));
        assertEquals("Compilation error in line 2: cannot find symbol", e.headline());
        assertTrue(e.details().contains("line 3: cannot find symbol"), e.details().toString());
        assertTrue(e.details().contains("        missingB;"), e.details().toString());
        assertTrue(e.details().contains("        ^" + "~".repeat("missingB".length() - 1)), e.details().toString());
    }

    @Test
    void usingADeclarationThatWaitsForAMissingOneIsAnError() {
        assertFalse(evaluator.eval("int usesLater() { return declaredLater() + 1; }").hasValue());
        CellException e = assertThrows(CellException.EvaluationError.class, () -> evaluator.eval("usesLater()"));
        assertTrue(e.headline().contains("cannot be used until method declaredLater() is declared"), e.headline());
        evaluator.eval("int declaredLater() { return 1; }");
        assertEquals(2, value("usesLater()"));
    }

    @Test
    void incompleteCellIsACompileError() {
        assertThrows(CellException.CompilationError.class, () -> evaluator.eval("int unfinished = (1 + "));
    }

    @Test
    void runtimeExceptionIsReportedAndTheNextCellRuns() {
        evaluator.eval("var survivor = \"still here\";");
        evaluator.eval("// helpers\nvoid fail(String why) {\n  throw new IllegalStateException(why);\n}", "cell [1]");
        CellException e = assertThrows(CellException.EvaluationError.class,
                () -> evaluator.eval("\nint x1 = 1;\nfail(\"boom\");\nint never = 2;", "cell [2]"));
        assertEquals("java.lang.IllegalStateException: boom", e.headline());
        assertEquals(List.of("\tat fail (cell [1], line 3)", "\tat cell [2], line 3"), e.details());
        assertEquals("still here", value("survivor"));
        assertEquals(1, value("x1"));
        assertThrows(CellException.CompilationError.class, () -> evaluator.eval("never"));
    }

    @Test
    void libraryFramesAndLambdasAreKept() {
        CellException e = assertThrows(CellException.EvaluationError.class, () -> evaluator.eval(
                "Stream.of(1).map(i -> {\n  throw new UnsupportedOperationException(); }).toList()", "cell [9]"));
        assertEquals("java.lang.UnsupportedOperationException", e.headline());
        assertEquals("\tat lambda (cell [9], line 2)", e.details().get(0));
        assertTrue(e.details().get(1).contains("java.util.stream."), e.details().toString());
        assertEquals("\tat cell [9], line 2", e.details().get(e.details().size() - 1));
    }

    @Test
    void causesAreShown() {
        CellException e = assertThrows(CellException.EvaluationError.class,
                () -> evaluator.eval("throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"));"));
        assertEquals("java.lang.RuntimeException: outer", e.headline());
        assertTrue(e.details().contains("Caused by: java.io.IOException: inner"), e.details().toString());
    }

    @Test
    void errorsAreReportedAndDeepRecursionIsCollapsed() {
        CellException e = assertThrows(CellException.EvaluationError.class,
                () -> evaluator.eval("int down(int n) { return down(n + 1) + 1; }\ndown(0)"));
        assertTrue(e.headline().startsWith("java.lang.StackOverflowError"), e.headline());
        assertTrue(e.details().size() < 10, e.details().toString());
        assertTrue(e.details().get(1).matches("\t\\(the frame above repeats \\d+ more times\\)"), e.details().toString());
        assertEquals(4, value("2 + 2"));
    }

    @Test
    void executorMadeInOneCellWorksInLaterCells() {
        evaluator.eval("var pool = java.util.concurrent.Executors.newFixedThreadPool(2);");
        assertEquals(42, value("pool.submit(() -> 42).get()"));
        assertEquals(43, value("pool.submit(() -> 43).get()"));
        evaluator.eval("pool.shutdown();");
    }

    @Test
    void interruptStopsABusyLoopAndVariablesSurvive() throws Exception {
        evaluator.eval("var beforeLoop = \"kept\";\nlong spins = 0;");
        assertInterrupts("while (true) { spins++; }");
        assertEquals("kept", value("beforeLoop"));
        assertTrue((Long) value("spins") > 0);
        assertEquals(6, value("2 * 3"));
    }

    @Test
    void interruptStopsAnEmptyBusyLoop() throws Exception {
        assertInterrupts("while (true) {}");
    }

    @Test
    void interruptStopsASleepingCell() throws Exception {
        assertInterrupts("Thread.sleep(600_000);");
    }

    @Test
    void interruptStopsALongLibraryCall() throws Exception {
        assertInterrupts("java.util.stream.LongStream.range(0, Long.MAX_VALUE).map(i -> i ^ (i >>> 3)).sum()");
    }

    @Test
    void interruptStopsACellThatSwallowsInterrupts() throws Exception {
        assertInterrupts("while (true) { try { Thread.sleep(10); } catch (InterruptedException e) { } }");
    }

    @Test
    void interruptWhenIdleDoesNotAffectTheNextCell() {
        evaluator.interrupt();
        assertEquals(3, value("1 + 2"));
    }

    private static void assertInterrupts(String cell) throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval(cell);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(700);
        assertFalse(outcome.isDone(), "cell ended before the interrupt");
        evaluator.interrupt();
        Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> outcome.get(10, TimeUnit.SECONDS));
        assertInstanceOf(CellException.Interrupted.class, t);
    }

    @Test
    void isCompleteFollowsJShell() {
        assertEquals(BaseKernel.IS_COMPLETE_YES, evaluator.isComplete("int q = 1;"));
        assertEquals(BaseKernel.IS_COMPLETE_YES, evaluator.isComplete("int q = 1;\nq + 1"));
        assertEquals("", evaluator.isComplete("void m() {"));
        assertEquals("", evaluator.isComplete("int q = (1 +"));
    }

    @Test
    void completionSuggestsMembers() {
        evaluator.eval("String completeMe = \"x\";");
        ReplacementOptions options = evaluator.complete("completeMe.toUpp", 16);
        assertTrue(options.getReplacements().contains("toUpperCase("), options.getReplacements().toString());
        assertEquals(11, options.getSourceStart());
        assertEquals(16, options.getSourceEnd());
    }

    @Test
    void documentationGivesSignatures() {
        List<String> docs = evaluator.documentation("Math.max(", 9, false);
        assertTrue(docs.stream().anyMatch(d -> d.contains("max(int")), docs.toString());
    }
}
