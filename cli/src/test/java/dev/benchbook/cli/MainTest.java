package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        for (String cmd : new String[] {"run", "check", "ab", "compare", "baseline", "history", "import-jmh", "report",
                "notebook"}) {
            Cli.Result r = new Cli().run(cmd, "--help");
            assertEquals(ExitCodes.OK, r.code(), cmd + ": " + r);
            assertTrue(r.out().contains("Usage: benchbook " + cmd), r.toString());
            assertTrue(r.out().contains("Exit codes"), cmd + " documents its exit codes: " + r);
            assertTrue(!r.out().contains("%n") && !r.err().contains("picocli WARN"), "formatted help: " + r);
        }
        Cli.Result top = new Cli().run("--help");
        assertTrue(top.out().contains("3   Not comparable") && top.out().contains("4   A benchmark failed"),
                top.toString());
        Cli.Result check = new Cli().run("check", "--help");
        assertTrue(check.out().contains("Default: major"), check.toString());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = new Cli().run();
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("name a command"), r.toString());
    }

    @Test
    void anUnknownCommandOrOptionSuggestsTheRightOne() {
        Cli.Result r = new Cli().run("chek");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("chek") && r.err().contains("check"), r.toString());
    }

    @Test
    void aPlainCommandLineAlsoExitsTwoOnParseErrors() {
        CommandLine cl = new CommandLine(new Main());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(ExitCodes.USAGE, cl.execute("run", "--suite", "sorting", "--bogus"));
        assertTrue(err.toString().contains("--bogus"), err.toString());
    }

    @Test
    void theVersionIsPrinted() {
        Cli.Result r = new Cli().run("--version");
        assertEquals(ExitCodes.OK, r.code());
        assertTrue(r.out().startsWith("benchbook "), r.toString());
    }
}
