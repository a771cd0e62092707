package dev.benchbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.magic.CellParser.JavaPart;
import dev.benchbook.kernel.magic.CellParser.MagicPart;
import dev.benchbook.kernel.magic.CellParser.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {
    private static final Magics MAGICS = Magics.standard();

    /** Java that ends in an open parenthesis, brace or operator needs more lines. */
    private static boolean incomplete(String java) {
        String s = java.strip();
        long open = s.chars().filter(c -> c == '(' || c == '{').count();
        long close = s.chars().filter(c -> c == ')' || c == '}').count();
        return open > close || s.endsWith("+") || s.endsWith("=") || (!s.endsWith(";") && !s.endsWith("}"));
    }

    private static List<Part> parse(String cell) {
        return CellParser.parse(cell, "cell [1]", MAGICS, CellParserTest::incomplete);
    }

    @Test
    void cellMagicTakesEveryLineBelowIt() {
        List<Part> parts = parse("\n%%bench --time 2s\nvar x = 1;\nx + 1");
        assertEquals(1, parts.size());
        MagicCall call = assertInstanceOf(MagicPart.class, parts.get(0)).call();
        assertEquals("%%bench", call.name());
        assertEquals("--time 2s", call.args());
        assertEquals("var x = 1;\nx + 1", call.body());
        assertEquals(2, call.line());
        assertEquals("\n\nvar x = 1;\nx + 1", call.paddedBody());
    }

    @Test
    void lineMagicsSplitJavaAndKeepItsLineNumbers() {
        List<Part> parts = parse("%classpath lib\nint a = 1;\n%jars x.jar\nint b = 2;");
        assertEquals(4, parts.size());
        assertEquals("%classpath", assertInstanceOf(MagicPart.class, parts.get(0)).call().name());
        assertEquals("\nint a = 1;\n", assertInstanceOf(JavaPart.class, parts.get(1)).source());
        MagicCall jars = assertInstanceOf(MagicPart.class, parts.get(2)).call();
        assertEquals("x.jar", jars.args());
        assertEquals(3, jars.line());
        assertEquals("\n\n\nint b = 2;\n", assertInstanceOf(JavaPart.class, parts.get(3)).source());
    }

    @Test
    void percentLineThatContinuesJavaStaysJava() {
        List<Part> parts = parse("int r = 7\n% 3;");
        assertEquals(1, parts.size());
        assertInstanceOf(JavaPart.class, parts.get(0));
    }

    @Test
    void unknownMagicIsNamedWithTheFix() {
        MagicError e = assertThrows(MagicError.class, () -> parse("int a = 1;\n%mavne g:a:1"));
        assertEquals("%mavne (line 2): no such magic; %lsmagic lists the magics", e.headline());
    }

    @Test
    void lineFormOfACellMagicPointsAtTheOtherForm() {
        MagicError e = assertThrows(MagicError.class, () -> parse("%time x()"));
        assertTrue(e.headline().contains("%%time exists: a cell magic heads its cell"), e.headline());
    }

    @Test
    void cellMagicBelowTheFirstLineIsRefused() {
        MagicError e = assertThrows(MagicError.class, () -> parse("int a = 1;\n%%bench\na + 1"));
        assertTrue(e.headline().startsWith("%%bench (line 2): a cell magic must be the first line"), e.headline());
    }

    @Test
    void aPercentThatIsNoMagicCallIsRefused() {
        MagicError e = assertThrows(MagicError.class, () -> parse("%5"));
        assertTrue(e.headline().contains("'%5' is not a magic call"), e.headline());
    }
}
