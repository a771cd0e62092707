package dev.benchbook.progress;

import dev.benchbook.display.DisplaySink;
import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.engine.RunListener;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteSpec;
import java.util.Locale;

/**
 * Progress in a notebook cell: one display, updated in place (Jupyter's {@code
 * update_display_data}) at most every {@value #MIN_UPDATE_MS} ms and at every finished run. It
 * shows the run in progress, its iterations, an estimate of the time left, and a row per finished
 * run.
 */
public final class NotebookProgress implements RunListener {
    static final long MIN_UPDATE_MS = 250;

    private final DisplaySink sink;
    private final ProgressModel model;
    private String displayId;
    private long lastUpdateNs;

    /** Progress for {@code spec}, shown through {@code sink}. */
    public NotebookProgress(DisplaySink sink, SuiteSpec spec) {
        this.sink = sink;
        this.model = new ProgressModel(spec);
    }

    @Override
    public String id() {
        return "notebook-progress";
    }

    @Override
    public void onBenchmarkStart(String benchmark, ParamSet params, int plannedIterations) {
        model.start(benchmark, params, plannedIterations);
        show(true);
    }

    @Override
    public void onIteration(String benchmark, ParamSet params, IterationSample sample) {
        model.iteration();
        show(false);
    }

    @Override
    public void onBenchmarkEnd(BenchmarkRun run) {
        model.end(run);
        show(true);
    }

    private void show(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastUpdateNs < MIN_UPDATE_MS * 1_000_000) {
            return;
        }
        lastUpdateNs = now;
        View view = new View(render());
        if (displayId == null) {
            displayId = sink.display(view);
        } else {
            sink.update(displayId, view);
        }
    }

    private String render() {
        StringBuilder b = new StringBuilder("<div class=\"benchbook-progress\" style=\"font-family:monospace;font-size:12px\">");
        b.append("<b>").append(Html.escape(model.suite())).append("</b>: ");
        if (model.allDone()) {
            b.append(String.format(Locale.ROOT, "%d runs done in %s", model.totalRuns(), ProgressModel.seconds(model.elapsedSeconds())));
        } else {
            int run = model.finished().size() + 1;
            double pct = 100.0 * model.iterationsDone() / Math.max(1, model.iterationsPlanned());
            b.append("run ").append(run).append('/').append(model.totalRuns()).append(" ")
                    .append(Html.escape(model.current())).append(", iteration ").append(model.iterationsDone())
                    .append(" of at most ").append(model.iterationsPlanned())
                    .append(", about ").append(ProgressModel.seconds(model.etaSeconds())).append(" left")
                    .append("<div style=\"background:#e5e7eb;width:320px;height:6px;margin:4px 0\"><div style=\"background:#2563eb;height:6px;width:")
                    .append(String.format(Locale.ROOT, "%.0f", Math.min(100, pct))).append("%\"></div></div>");
        }
        if (!model.finished().isEmpty()) {
            b.append("<table style=\"border-collapse:collapse\"><tr><th align=left>benchmark</th><th align=left>params</th>"
                    + "<th align=left>status</th><th align=right>mean</th><th align=right>n</th><th align=left>stop</th></tr>");
            for (BenchmarkRun r : model.finished()) {
                b.append("<tr><td>").append(Html.escape(r.benchmark())).append("</td><td>")
                        .append(Html.escape(r.params().key())).append("</td><td>").append(r.status().label())
                        .append("</td><td align=right>").append(ConsoleProgress.mean(r)).append("</td><td align=right>")
                        .append(r.measured().size()).append("</td><td>").append(r.stopReason().label()).append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.append("</div>").toString();
    }

    /** A rendered progress snapshot. */
    private record View(String html) implements Displayable {
        @Override
        public String toHtml() {
            return html;
        }

        @Override
        public String toText() {
            return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        }
    }
}
