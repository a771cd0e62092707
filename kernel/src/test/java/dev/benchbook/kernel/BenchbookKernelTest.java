package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BenchbookKernelTest {
    private static BenchbookKernel kernel;

    @BeforeAll
    static void start() {
        kernel = BenchbookKernel.of(JShellEvaluator.create());
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    private static String data(DisplayData d, MIMEType type) {
        Object v = d.getData(type);
        return v == null ? null : v.toString();
    }

    @Test
    void tableRendersAsHtmlAndText() {
        DisplayData d = kernel.eval("Table.create(\"t\", IntColumn.create(\"a\", 1, 2))");
        assertNotNull(d);
        assertTrue(data(d, MIMEType.TEXT_HTML).contains("<table"), data(d, MIMEType.TEXT_HTML));
        String text = data(d, MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("t") && text.contains("a") && text.contains("2"), text);
    }

    @Test
    void displayableRendersItsOwnHtmlAndText() {
        DisplayData d = kernel.eval("new dev.benchbook.display.Displayable() {"
                + " public String toHtml() { return \"<em>shown</em>\"; }"
                + " public String toText() { return \"shown\"; } }");
        assertEquals("<em>shown</em>", data(d, MIMEType.TEXT_HTML));
        assertEquals("shown", data(d, MIMEType.TEXT_PLAIN));
    }

    @Test
    void otherValuesRenderAsText() {
        DisplayData d = kernel.eval("List.of(1, 2)");
        assertEquals("[1, 2]", data(d, MIMEType.TEXT_PLAIN));
        assertNull(data(d, MIMEType.TEXT_HTML));
    }

    @Test
    void declarationsShowNothing() {
        assertNull(kernel.eval("var r = Table.create(\"r\", IntColumn.create(\"a\", 1));"));
        assertNotNull(kernel.eval("r.summary()"));
    }

    @Test
    void cellErrorsFormatAsHeadlineAndDetails() {
        CellException e = assertThrows(CellException.class, () -> kernel.eval("int bad = \"text\";"));
        List<String> lines = kernel.formatError(e);
        assertTrue(lines.get(0).contains(e.headline()), lines.get(0));
        assertEquals(e.details(), lines.subList(1, lines.size()));
        assertEquals("CompilationError", e.getClass().getSimpleName());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void kernelInterruptStopsTheCell() throws Exception {
        kernel.eval("var survives = 7;");
        CompletableFuture<Throwable> cell = CompletableFuture.supplyAsync(() -> {
            try {
                kernel.eval("while (true) {}");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(500);
        assertFalse(cell.isDone());
        kernel.interrupt();
        assertInstanceOf(CellException.Interrupted.class, cell.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS));
        assertEquals("7", data(kernel.eval("survives"), MIMEType.TEXT_PLAIN));
    }

    @Test
    void inspectReturnsSignatures() {
        DisplayData d = kernel.inspect("Math.abs(", 9, false);
        assertNotNull(d);
        assertTrue(data(d, MIMEType.TEXT_PLAIN).contains("abs("), data(d, MIMEType.TEXT_PLAIN));
    }

    @Test
    void kernelInfoDescribesJava() {
        assertEquals("java", kernel.getLanguageInfo().getName());
        assertEquals(System.getProperty("java.version"), kernel.getLanguageInfo().getVersion());
        assertEquals(BenchbookKernel.NAME, kernel.getName());
    }
}
