package dev.benchbook.kernel;

import com.google.gson.JsonObject;
import dev.benchbook.display.DisplaySink;
import dev.benchbook.display.Displayable;
import dev.benchbook.display.Notebook;
import dev.benchbook.kernel.magic.CellRunner;
import dev.benchbook.kernel.magic.MagicSession;
import dev.benchbook.kernel.magic.Magics;
import dev.benchbook.plot.FigureHtml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.comm.CommCloseCommand;
import org.dflib.jjava.jupyter.messages.comm.CommMsgCommand;
import org.dflib.jjava.jupyter.messages.comm.CommOpenCommand;

/**
 * The Benchbook kernel: Jupyter requests in, JShell evaluation in this JVM, rendered values out.
 *
 * <p>jjava runs execute, complete and inspect requests on the shell-channel thread, one at a time,
 * and interrupt requests on the control-channel thread, which is what lets {@link #interrupt()}
 * reach a cell that is still running.
 */
public final class BenchbookKernel extends BaseKernel {
    /** Kernel name reported in kernel_info. */
    public static final String NAME = "benchbook";

    private final CompletableFuture<JShellEvaluator> evaluator;
    private final CompletableFuture<CellRunner> cells;

    private BenchbookKernel(CompletableFuture<JShellEvaluator> evaluator) {
        super(NAME, version(), languageInfo(),
                List.of(new HelpLink("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, new MagicsRegistry(), false, errorStyler());
        this.evaluator = evaluator;
        this.cells = evaluator.thenApply(e -> new CellRunner(MagicSession.of(e, Magics.standard())));
        Renderers.registerAll(getRenderer());
        getCommManager().registerTarget(FigureHtml.PLOTLY_COMM_TARGET, BenchbookKernel::sendPlotly);
        Notebook.install(new DisplaySink() {
            @Override
            public String display(Displayable value) {
                return NotebookDisplay.display(value);
            }

            @Override
            public void update(String id, Displayable value) {
                NotebookDisplay.update(id, value);
            }
        });
    }

    /** A kernel that uses {@code evaluator}. */
    public static BenchbookKernel of(JShellEvaluator evaluator) {
        return new BenchbookKernel(CompletableFuture.completedFuture(evaluator));
    }

    /**
     * A kernel whose evaluator is still being created, so that Jupyter can connect while JShell
     * starts; the first cell waits for it.
     */
    public static BenchbookKernel of(CompletableFuture<JShellEvaluator> evaluator) {
        return new BenchbookKernel(evaluator);
    }

    /**
     * Answers a figure that found no plotly.js in its page (a reload, a second tab): one message with
     * the source, then nothing more. Figures emitted afterwards still omit it, since the page has it now.
     */
    private static Comm sendPlotly(CommManager manager, String id, String target, Message<CommOpenCommand> open) {
        Comm comm = new Comm(manager, id, target) {
            @Override
            protected void onMessage(Message<CommMsgCommand> message) {
                // The figure only listens.
            }

            @Override
            protected void onClose(Message<CommCloseCommand> message, boolean sending) {
                // Nothing to release.
            }
        };
        JsonObject data = new JsonObject();
        data.addProperty("source", FigureHtml.plotlySource());
        comm.send(data);
        return comm;
    }

    private static String version() {
        String v = BenchbookKernel.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo("java", System.getProperty("java.version"), "text/x-java", ".jshell",
                "java", "text/x-java", "script");
    }

    private static StringStyler errorStyler() {
        return new StringStyler.Builder()
                .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                .addSecondaryStyle(TextColor.BOLD_RED_FG)
                .addHighlightStyle(TextColor.BOLD_RESET_FG)
                .addHighlightStyle(TextColor.RED_BG)
                .build();
    }

    private JShellEvaluator evaluator() {
        return started(evaluator);
    }

    private static <T> T started(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The kernel could not start JShell: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public String getBanner() {
        return "Benchbook kernel " + getVersion() + " (Java " + System.getProperty("java.version") + ")";
    }

    /** Returns the cell's value, or {@code null} when the cell has none to show. */
    @Override
    public Object evalRaw(String code) {
        // jjava counts the request before evaluating it; the cell shows as [n] in the notebook.
        String label = "cell [" + (executionCount.get() - 1) + "]";
        JShellEvaluator.Result result = started(cells).run(code, label);
        return result.hasValue() ? result.value() : null;
    }

    @Override
    public String isComplete(String code) {
        return evaluator().isComplete(code);
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        return evaluator().complete(code, cursor);
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean detailed) {
        List<String> docs = evaluator().documentation(code, cursor, detailed);
        return docs.isEmpty() ? null : new DisplayData(String.join("\n\n", docs));
    }

    /** Stops the running cell, if any; called on the control-channel thread. */
    @Override
    public void interrupt() {
        JShellEvaluator e = evaluator.getNow(null);
        if (e != null) {
            e.interrupt();
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (!(e instanceof CellException cell)) {
            return super.formatError(e);
        }
        List<String> lines = new ArrayList<>();
        lines.add(errorStyler.secondary(cell.headline()));
        lines.addAll(cell.details());
        return lines;
    }

    @Override
    public void onShutdown(boolean restart) {
        JShellEvaluator e = evaluator.getNow(null);
        if (e != null) {
            e.close();
        }
        super.onShutdown(restart);
    }
}
