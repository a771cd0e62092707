package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aRunFileBecomesAnHtmlReportAndMarkdown() throws Exception {
        Path run = tmp.resolve("run.json");
        assertEquals(ExitCodes.OK, new Cli().run("run", "--suite", WorkSuite.class.getName(), "--out", run.toString(),
                "--quiet", "--iterations", "3").code());
        Path html = tmp.resolve("r/report.html");
        Path md = tmp.resolve("r/report.md");
        Cli.Result r = new Cli().run("report", run.toString(), "--html", html.toString(), "--markdown", md.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("<html") && page.contains("steps"), "the report shows the benchmark");
        assertTrue(Files.readString(md).contains("steps"));
        assertTrue(r.out().contains("steps"), r.toString());
    }

    @Test
    void noOutputOrNoFileIsAUsageError() {
        Cli.Result none = new Cli().run("report", "run.json");
        assertEquals(ExitCodes.USAGE, none.code());
        assertTrue(none.err().contains("give --html FILE"), none.toString());
        Cli.Result missing = new Cli().run("report", tmp.resolve("x.json").toString(), "--html", "x.html");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.toString());
    }
}
