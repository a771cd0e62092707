package dev.benchbook.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A tablesaw figure plus plotly attributes that tablesaw 0.44 cannot express (error bars, box and
 * violin group modes, per-point marker symbols). They are written as JSON assignments after tablesaw's
 * own {@code layout} and {@code traceN} variables, before {@code Plotly.newPlot}; replacing the traces
 * with {@link #setTraces} afterwards leaves them pointing at the old trace numbers.
 */
final class PlotFigure extends Figure {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> statements;

    private PlotFigure(Layout layout, Config config, List<String> statements, Trace... traces) {
        super(layout, config, traces);
        this.statements = List.copyOf(statements);
    }

    @Override
    protected void buildContext(String divName) {
        super.buildContext(divName);
        if (!statements.isEmpty()) {
            getContext().put("figure", getContext().get("figure") + String.join("\n", statements) + "\n");
        }
    }

    /** The config every Benchbook figure uses: resizes with its container, no plotly logo. */
    static Config config() {
        return Config.builder().responsive(true).displayLogo(false).build();
    }

    /** Collects traces and extra attributes; {@link #build} makes the figure. */
    static final class Builder {
        private final Layout layout;
        private final List<Trace> traces = new ArrayList<>();
        private final List<String> statements = new ArrayList<>();

        Builder(Layout layout) {
            this.layout = layout;
        }

        /** Adds a trace and returns its index, for {@link #trace}. */
        int add(Trace trace) {
            traces.add(trace);
            return traces.size() - 1;
        }

        /** Sets {@code layout[key] = value}, value written as JSON. */
        Builder layout(String key, Object value) {
            statements.add("layout[" + json(key) + "] = " + json(value) + ";");
            return this;
        }

        /** Sets {@code traceN[key] = value} on the trace at {@code index}, value written as JSON. */
        Builder trace(int index, String key, Object value) {
            statements.add("trace" + index + "[" + json(key) + "] = " + json(value) + ";");
            return this;
        }

        boolean isEmpty() {
            return traces.isEmpty();
        }

        Figure build() {
            return new PlotFigure(layout, config(), statements, traces.toArray(new Trace[0]));
        }
    }

    /** {@code value} as JSON; NaN and infinities in double arrays become {@code null} (a gap for plotly). */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof double[] d ? finite(d) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write plot attribute " + value + " as JSON", e);
        }
    }

    /** {@code values} boxed, with NaN and infinities as {@code null}, which plotly draws as gaps. */
    static Double[] finite(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? values[i] : null;
        }
        return out;
    }
}
