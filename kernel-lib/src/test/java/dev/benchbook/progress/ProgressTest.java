package dev.benchbook.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.display.DisplaySink;
import dev.benchbook.display.Displayable;
import dev.benchbook.display.Notebook;
import dev.benchbook.harness.Harness;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.stats.Precision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** Records what a notebook would show. */
    static final class RecordingSink implements DisplaySink {
        final List<String> shown = new ArrayList<>();
        final List<String> updates = new ArrayList<>();

        @Override
        public synchronized String display(Displayable value) {
            shown.add(value.toHtml());
            return "id-" + shown.size();
        }

        @Override
        public synchronized void update(String id, Displayable value) {
            assertEquals("id-1", id, "updates go to the one display");
            updates.add(value.toHtml());
        }
    }

    private static SuiteSpec spec(String benchmarkName) {
        return Bench.suite("p").param("size", 1, 2).benchmark(benchmarkName, ctx -> ctx.intParam("size"))
                .warmup(1).iterations(2).iterationTime(Duration.ofMillis(1)).build();
    }

    @AfterEach
    void uninstall() {
        Notebook.install(null);
    }

    @Test
    void notebookProgressIsOneDisplayUpdatedInPlaceEndingWithEveryRun() {
        RecordingSink sink = new RecordingSink();
        SuiteSpec spec = spec("<b>bold</b>");
        new Harness(Precision::relativeHalfWidth).run(spec, new NotebookProgress(sink, spec));
        assertEquals(1, sink.shown.size());
        assertTrue(sink.shown.get(0).contains("run 1/2"), sink.shown.get(0));
        String last = sink.updates.get(sink.updates.size() - 1);
        assertTrue(last.contains("2 runs done"), last);
        assertTrue(last.contains("size=1") && last.contains("size=2"), last);
        assertTrue(last.contains("&lt;b&gt;bold&lt;/b&gt;") && !last.contains("<b>bold</b>"), "names are escaped: " + last);
    }

    @Test
    void consoleProgressRedrawsABarAndPrintsALinePerRun() {
        var bytes = new ByteArrayOutputStream();
        SuiteSpec spec = spec("b");
        new Harness(Precision::relativeHalfWidth).run(spec, new ConsoleProgress(new PrintStream(bytes, true,
                StandardCharsets.UTF_8), spec));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\r\033[2K["), "bar redrawn in place: " + out);
        assertEquals(2, out.lines().filter(l -> l.contains(" ok ")).count(), out);
    }

    @Test
    void suiteUsesTheInstalledNotebookAndQuietSilencesIt() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        Bench.suite("q").benchmark("b", ctx -> 1).warmup(0).iterations(1).iterationTime(Duration.ofMillis(1)).run();
        assertEquals(1, sink.shown.size(), "run() reports to the notebook's sink");
        Bench.suite("q").benchmark("b", ctx -> 1).warmup(0).iterations(1).iterationTime(Duration.ofMillis(1)).quiet().run();
        assertEquals(1, sink.shown.size(), "quiet() shows nothing");
    }
}
