package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exits in notebook code are refused and the JVM (this test's JVM: it would die) goes on. */
class ExitGuardTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = JShellEvaluator.create();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static CellException.ExitRefused refused(String cell) {
        return assertThrows(CellException.ExitRefused.class, () -> evaluator.eval(cell, "cell [4]"));
    }

    @Test
    void systemExitIsRefusedAndVariablesSurvive() {
        evaluator.eval("var before = \"kept\";");
        CellException.ExitRefused e = refused("int x = 1;\nSystem.exit(3);");
        assertEquals("System.exit(3) refused: it would stop the kernel and lose every variable; to end the cell early"
                + " throw an exception, to restart use the notebook's Kernel > Restart", e.headline());
        assertEquals("\tat cell [4], line 2", e.details().get(e.details().size() - 1));
        assertEquals("kept", evaluator.eval("before").value());
        assertEquals(1, evaluator.eval("x").value());
    }

    @Test
    void runtimeExitAndHaltAreRefused() {
        assertTrue(refused("Runtime.getRuntime().exit(1);").headline().startsWith("Runtime.exit(1) refused"));
        assertTrue(refused("Runtime.getRuntime().halt(2);").headline().startsWith("Runtime.halt(2) refused"));
    }

    @Test
    void methodReferencesAndMethodsOfEarlierCellsAreRefused() {
        assertTrue(refused("java.util.function.IntConsumer quit = System::exit;\nquit.accept(7);").headline()
                .startsWith("System.exit(7) refused"));
        assertTrue(refused("java.util.function.IntConsumer halt = Runtime.getRuntime()::halt;\nhalt.accept(8);")
                .headline().startsWith("Runtime.halt(8) refused"));
        evaluator.eval("void shutdown() { System.exit(9); }");
        CellException.ExitRefused e = refused("shutdown();");
        assertTrue(e.details().get(0).startsWith("\tat shutdown ("), e.details().toString());
    }

    @Test
    void catchingExceptionDoesNotSwallowIt() {
        refused("try { System.exit(5); } catch (Exception e) { }");
    }

    @Test
    void anExitOnAnotherThreadFailsThatThreadOnly() {
        Object message = evaluator.eval("var seen = new java.util.concurrent.atomic.AtomicReference<String>();\n"
                + "var t = new Thread(() -> { try { System.exit(4); } catch (Error e) { seen.set(e.getMessage()); } });\n"
                + "t.start(); t.join();\nseen.get()").value();
        assertTrue(String.valueOf(message).startsWith("System.exit(4) refused"), String.valueOf(message));
    }

    @Test
    void classesWithoutExitsAreLeftAsTheyAre() throws IOException {
        byte[] own;
        try (InputStream in = ExitGuardTest.class.getResourceAsStream("ClassShapeTest.class")) {
            own = in.readAllBytes();
        }
        assertSame(own, ExitGuard.instrument(own));
    }
}
