package dev.benchbook.kernel;

import dev.benchbook.display.Displayable;
import dev.benchbook.display.HtmlTables;
import dev.benchbook.plot.PlotlyEmbedder;
import tech.tablesaw.plotly.components.Figure;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;

/**
 * How cell values look in a notebook: tables and Benchbook displayables as HTML with a plain-text
 * alternative; anything else falls back to jjava's {@code String.valueOf} text.
 */
public final class Renderers {
    /** Rows of a table shown as HTML; the library's renderer says how the rest is elided. */
    public static final int MAX_HTML_ROWS = 200;

    private Renderers() {
    }

    /**
     * Adds the Benchbook render functions to {@code renderer}. Figures share one {@link
     * PlotlyEmbedder}, so plotly is inlined with the first figure of the session only.
     */
    public static void registerAll(Renderer renderer) {
        PlotlyEmbedder plotly = new PlotlyEmbedder();
        renderer.createRegistration(Figure.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((figure, context) -> {
                    DisplayData out = context.getOutputContainer();
                    out.putHTML(plotly.html(figure));
                    out.putText("Figure (plotly; open the notebook in a browser to see it)");
                });
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    DisplayData out = context.getOutputContainer();
                    out.putHTML(HtmlTables.render(table, MAX_HTML_ROWS));
                    out.putText(table.print());
                });
        renderer.createRegistration(Displayable.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((value, context) -> {
                    DisplayData out = context.getOutputContainer();
                    out.putHTML(value.toHtml());
                    out.putText(value.toText());
                });
    }
}
