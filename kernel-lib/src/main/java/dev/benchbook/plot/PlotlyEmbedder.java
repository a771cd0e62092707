package dev.benchbook.plot;

import tech.tablesaw.plotly.components.Figure;

/**
 * Emits plotly.js once per document: the first {@link #html(Figure)} carries {@link
 * FigureHtml#plotlyScript()} before the figure, later ones only the figure. A notebook kernel keeps one
 * embedder per notebook session; a report writer keeps one per page. Thread-safe.
 *
 * <pre>{@code
 * PlotlyEmbedder plotly = new PlotlyEmbedder();
 * display("text/html", plotly.html(figure));   // first figure: ~4.6 MB, later ones: a few kB
 * }</pre>
 */
public final class PlotlyEmbedder {
    private boolean included;

    /** An embedder for a new document, in which plotly.js has not been included. */
    public PlotlyEmbedder() {}

    /** The figure's HTML fragment, preceded by plotly.js if this embedder has not emitted it yet. */
    public synchronized String html(Figure figure) {
        String div = FigureHtml.div(figure);
        return plotlyOnce() + div;
    }

    /** {@link FigureHtml#plotlyScript()} the first time it is called (or after {@link #reset()}), then "". */
    public synchronized String plotlyOnce() {
        if (included) {
            return "";
        }
        String script = FigureHtml.plotlyScript();
        included = true;
        return script;
    }

    /** Whether plotly.js has been emitted since this embedder was made or reset. */
    public synchronized boolean included() {
        return included;
    }

    /**
     * Forgets that plotly.js was emitted, e.g. when the notebook's outputs were cleared: the next
     * {@link #html(Figure)} includes it again.
     */
    public synchronized void reset() {
        included = false;
    }
}
