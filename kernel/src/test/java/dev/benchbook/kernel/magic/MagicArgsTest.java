package dev.benchbook.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.benchbook.kernel.CellException.MagicError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MagicArgsTest {
    private static final Set<String> FLAGS = Set.of("quiet");
    private static final Set<String> VALUED = Set.of("time", "warmup");

    @Test
    void wordsHonourQuotes() {
        assertEquals(List.of("a b.jar", "c", "it's"), MagicArgs.words("%jars", " 'a b.jar'  c \"it's\""));
    }

    @Test
    void unclosedQuoteIsAnError() {
        MagicError e = assertThrows(MagicError.class, () -> MagicArgs.words("%jars", "a 'b"));
        assertEquals("%jars: the quote ' at column 3 is not closed; close it, or drop it if the word has no spaces",
                e.headline());
    }

    @Test
    void leadingOptionsStopAtCode() {
        MagicArgs.Parsed p = MagicArgs.leadingOptions("%bench", "--time 2s --quiet --warmup=3 list.size() - 1",
                FLAGS, VALUED);
        assertEquals(Map.of("time", "2s", "quiet", "true", "warmup", "3"), p.options());
        assertEquals("list.size() - 1", p.rest());
    }

    @Test
    void doubleDashLetsCodeStartWithAMinus() {
        MagicArgs.Parsed p = MagicArgs.leadingOptions("%bench", "--quiet -- -x", FLAGS, VALUED);
        assertEquals("-x", p.rest());
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        MagicError e = assertThrows(MagicError.class,
                () -> MagicArgs.leadingOptions("%%bench", "--tme 2s", FLAGS, VALUED));
        assertEquals("%%bench --tme: unknown option; the options are --quiet, --time, --warmup"
                + " (put -- before code that starts with '-')", e.headline());
    }

    @Test
    void flagWithAValueAndOptionWithoutOneAreErrors() {
        assertEquals("%bench --quiet=yes: --quiet takes no value; write just --quiet", assertThrows(MagicError.class,
                () -> MagicArgs.leadingOptions("%bench", "--quiet=yes x", FLAGS, VALUED)).headline());
        assertEquals("%bench --time: the value is missing; write --time VALUE", assertThrows(MagicError.class,
                () -> MagicArgs.leadingOptions("%bench", "--time", FLAGS, VALUED)).headline());
    }

    @Test
    void durationsTakeCommonUnits() {
        assertEquals(Duration.ofMillis(500), MagicArgs.duration("%bench", "time", "500ms"));
        assertEquals(Duration.ofMillis(1500), MagicArgs.duration("%bench", "time", "1.5s"));
        assertEquals(Duration.ofMinutes(1), MagicArgs.duration("%bench", "time", "1m"));
        assertEquals(Duration.ofNanos(20_000), MagicArgs.duration("%bench", "time", "20us"));
        MagicError e = assertThrows(MagicError.class, () -> MagicArgs.duration("%bench", "time", "2 sec"));
        assertEquals("%bench --time 2 sec: not a duration; write a number and a unit (ns, us, ms, s, m),"
                + " e.g. 500ms, 2s or 1.5m", e.headline());
        assertThrows(MagicError.class, () -> MagicArgs.duration("%bench", "time", "0s"));
    }

    @Test
    void countsHaveALowerBound() {
        assertEquals(3, MagicArgs.count("%bench", "warmup", "3", 0));
        MagicError e = assertThrows(MagicError.class, () -> MagicArgs.count("%bench", "iterations", "0", 1));
        assertEquals("%bench --iterations 0: must be a whole number >= 1; e.g. --iterations 3", e.headline());
        assertThrows(MagicError.class, () -> MagicArgs.count("%bench", "warmup", "many", 0));
    }
}
