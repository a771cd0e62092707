package dev.benchbook.load;

import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.display.HtmlTables;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one load run measured; immutable. Every scheduled request of the measured window is exactly one of
 * {@code ok}, {@code errors} or {@code dropped}, so {@code requests = ok + errors + dropped}. Latencies
 * (nanoseconds) are of the {@code ok} responses, measured from the scheduled time in the open model and from
 * the send in the closed loop (see {@link Load}). Server figures are NaN when no server was named or
 * {@code /proc} could not tell; {@link #notes()} says which.
 */
public final class LoadResult implements Displayable {
    /** Percentiles of the {@link #latency()} table. */
    static final double[] PERCENTILES = {0, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

    /** One second of the measured window. */
    private record Second(int second, long scheduled, long ok, long errors, long dropped, double p50, double p99,
            double max) {}

    private final String mode;
    private final URI uri;
    private final double targetRps;
    private final double achievedRps;
    private final long requests;
    private final long ok;
    private final long errors;
    private final long dropped;
    private final long late;
    private final Histogram latency;
    private final Histogram lag;
    private final Map<ErrorKind, Long> errorsByKind;
    private final List<Second> seconds;
    private final int connections;
    private final int maxInFlight;
    private final double durationS;
    private final double clientCpuPct;
    private final ServerSampler.Stats server;
    private final List<String> notes;

    LoadResult(LoadPlan plan, Recording rec, double clientCpuPct, ServerSampler.Stats server, List<String> notes) {
        this.mode = plan.mode();
        this.uri = plan.uri();
        this.targetRps = plan.openModel() || plan.fromRate() > 0 ? (plan.fromRate() + plan.toRate()) / 2 : Double.NaN;
        this.achievedRps = rec.achievedRps();
        this.requests = rec.requests;
        this.ok = rec.ok;
        this.errors = rec.errorCount;
        this.dropped = rec.dropped;
        this.late = rec.late;
        this.latency = rec.latency.copy();
        this.lag = rec.lag.copy();
        this.errorsByKind = Map.copyOf(rec.errors());
        List<Second> s = new ArrayList<>();
        List<long[]> counts = rec.perSecond();
        for (int i = 0; i < counts.size(); i++) {
            long[] c = counts.get(i);
            Histogram h = rec.secondLatency(i);
            boolean any = h != null && h.getTotalCount() > 0;
            s.add(new Second(i, c[0], c[1], c[2], c[3], any ? h.getValueAtPercentile(50) : Double.NaN,
                    any ? h.getValueAtPercentile(99) : Double.NaN, any ? h.getMaxValue() : Double.NaN));
        }
        this.seconds = List.copyOf(s);
        this.connections = plan.connections();
        this.maxInFlight = plan.maxInFlight();
        this.durationS = plan.durationNs() / 1e9;
        this.clientCpuPct = clientCpuPct;
        this.server = server;
        this.notes = List.copyOf(notes);
    }

    /**
     * One row: {@code mode} (open, ramp or closed), {@code target_rps} (the mean target; NaN for an unthrottled
     * closed loop), {@code achieved_rps} ({@link #achievedRps()}), {@code requests, ok, errors, dropped, late},
     * latency {@code p50_ns, p90_ns, p99_ns, p999_ns, max_ns, mean_ns}, the generator's own scheduling lag
     * {@code lag_p99_ns, lag_max_ns}, {@code connections, max_in_flight, duration_s}, the generator's CPU
     * {@code client_cpu_pct} (percent of one core) and the server's {@code server_cpu_pct, server_cpu_s,
     * server_rss_bytes} (at the window's end), {@code server_rss_max_bytes} (highest sample) and
     * {@code server_hwm_bytes} (VmHWM, the process's peak since it started).
     */
    public Table summary() {
        Table t = Table.create("load summary",
                StringColumn.create("mode", mode),
                StringColumn.create("uri", uri.toString()),
                DoubleColumn.create("target_rps", targetRps),
                DoubleColumn.create("achieved_rps", achievedRps),
                LongColumn.create("requests", requests),
                LongColumn.create("ok", ok),
                LongColumn.create("errors", errors),
                LongColumn.create("dropped", dropped),
                LongColumn.create("late", late));
        for (var p : List.of(Map.entry("p50_ns", 50.0), Map.entry("p90_ns", 90.0), Map.entry("p99_ns", 99.0),
                Map.entry("p999_ns", 99.9))) {
            t.addColumns(DoubleColumn.create(p.getKey(), percentileNs(p.getValue())));
        }
        t.addColumns(DoubleColumn.create("max_ns", ok == 0 ? Double.NaN : latency.getMaxValue()),
                DoubleColumn.create("mean_ns", ok == 0 ? Double.NaN : latency.getMean()),
                DoubleColumn.create("lag_p99_ns", lag.getTotalCount() == 0 ? Double.NaN : lag.getValueAtPercentile(99)),
                DoubleColumn.create("lag_max_ns", lag.getTotalCount() == 0 ? Double.NaN : lag.getMaxValue()),
                IntColumn.create("connections", new int[] {connections}),
                IntColumn.create("max_in_flight", new int[] {maxInFlight}),
                DoubleColumn.create("duration_s", durationS),
                DoubleColumn.create("client_cpu_pct", clientCpuPct),
                DoubleColumn.create("server_cpu_pct", server.cpuPercent()),
                DoubleColumn.create("server_cpu_s", server.cpuSeconds()),
                DoubleColumn.create("server_rss_bytes", server.rssBytes()),
                DoubleColumn.create("server_rss_max_bytes", server.rssMaxBytes()),
                DoubleColumn.create("server_hwm_bytes", server.hwmBytes()));
        return t;
    }

    /** Requests sent more than 1 ms after they were due and had a free connection. */
    public long late() {
        return late;
    }

    /** The mean latency of the {@code ok} responses in nanoseconds; NaN when there were none. */
    public double meanNs() {
        return ok == 0 ? Double.NaN : latency.getMean();
    }

    /** The highest latency of the {@code ok} responses in nanoseconds; NaN when there were none. */
    public double maxNs() {
        return ok == 0 ? Double.NaN : latency.getMaxValue();
    }

    /** The generator's own scheduling lag at {@code percentile}, in nanoseconds; NaN when nothing was sent. */
    public double lagNs(double percentile) {
        return lag.getTotalCount() == 0 ? Double.NaN : lag.getValueAtPercentile(percentile);
    }

    /** The generator's CPU over the window, percent of one core; NaN when the JVM cannot tell. */
    public double clientCpuPercent() {
        return clientCpuPct;
    }

    /** The server's CPU over the window, percent of one core; NaN when no server was named or /proc could not tell. */
    public double serverCpuPercent() {
        return server.cpuPercent();
    }

    /** The server's resident set at the window's end, in bytes; NaN when unknown. */
    public double serverRssBytes() {
        return server.rssBytes();
    }

    /** Errors by kind: {@code kind} (e.g. "status 5xx", "connect refused", "timeout", "reset") and {@code count}. */
    public Table errors() {
        StringColumn kind = StringColumn.create("kind");
        LongColumn count = LongColumn.create("count");
        for (ErrorKind k : ErrorKind.values()) {
            Long n = errorsByKind.get(k);
            if (n != null) {
                kind.append(k.label());
                count.append(n);
            }
        }
        return Table.create("load errors", kind, count);
    }

    /**
     * The window second by second: {@code second} (from the window's start), {@code target_rps} (requests
     * scheduled in it), {@code achieved_rps} (successful responses that arrived in it), {@code errors} and
     * {@code dropped} (of the requests scheduled in it), and latency {@code p50_ns, p99_ns, max_ns} of the
     * requests scheduled in it. Rows past the window hold responses that arrived late.
     */
    public Table perSecond() {
        IntColumn second = IntColumn.create("second");
        DoubleColumn target = DoubleColumn.create("target_rps");
        DoubleColumn achieved = DoubleColumn.create("achieved_rps");
        LongColumn err = LongColumn.create("errors");
        LongColumn drop = LongColumn.create("dropped");
        DoubleColumn p50 = DoubleColumn.create("p50_ns");
        DoubleColumn p99 = DoubleColumn.create("p99_ns");
        DoubleColumn max = DoubleColumn.create("max_ns");
        for (Second s : seconds) {
            second.append(s.second());
            target.append(s.scheduled());
            achieved.append(s.ok());
            err.append(s.errors());
            drop.append(s.dropped());
            p50.append(s.p50());
            p99.append(s.p99());
            max.append(s.max());
        }
        return Table.create("load per second", second, target, achieved, err, drop, p50, p99, max);
    }

    /** The latency distribution: {@code percentile} and {@code latency_ns}, from 0 (min) to 100 (max). */
    public Table latency() {
        DoubleColumn pct = DoubleColumn.create("percentile");
        DoubleColumn ns = DoubleColumn.create("latency_ns");
        for (double p : PERCENTILES) {
            pct.append(p);
            ns.append(p == 0 ? (ok == 0 ? Double.NaN : latency.getMinValue()) : percentileNs(p));
        }
        return Table.create("load latency", pct, ns);
    }

    /** A copy of the latency histogram (nanoseconds), for merging or HdrHistogram's own output. */
    public Histogram latencyHistogram() {
        return latency.copy();
    }

    /** The latency at {@code percentile} (0–100), nanoseconds; NaN when no request succeeded. */
    public double percentileNs(double percentile) {
        return ok == 0 ? Double.NaN : latency.getValueAtPercentile(percentile);
    }

    /** The mean target rate, requests per second; NaN for an unthrottled closed loop. */
    public double targetRps() {
        return targetRps;
    }

    /**
     * Successful responses per second of the window: {@code ok} over the window's length, or over the time
     * from its start to the last response when that is longer.
     */
    public double achievedRps() {
        return achievedRps;
    }

    /** Scheduled requests of the measured window. */
    public long requests() {
        return requests;
    }

    /** Requests that failed, of any kind. */
    public long errorCount() {
        return errors;
    }

    /** Requests never sent because they were {@link Load#dropAfter} late with every connection busy. */
    public long dropped() {
        return dropped;
    }

    /** Requests that succeeded. */
    public long ok() {
        return ok;
    }

    /** The count of one kind of error. */
    public long errorCount(ErrorKind kind) {
        return errorsByKind.getOrDefault(kind, 0L);
    }

    /** The run's notes: in-process server, unknown server figures, first message of each error kind. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<div class=\"benchbook-load\">");
        b.append("<p><b>Load on ").append(Html.escape(uri)).append("</b> (").append(Html.escape(mode))
                .append(")</p>");
        b.append(HtmlTables.render(summary(), 1));
        if (errors > 0) {
            b.append(HtmlTables.render(errors(), ErrorKind.values().length));
        }
        if (!notes.isEmpty()) {
            b.append("<ul style=\"color:#92400e\">");
            notes.forEach(n -> b.append("<li>").append(Html.escape(n)).append("</li>"));
            b.append("</ul>");
        }
        return b.append("</div>").toString();
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder("load on ").append(uri).append(" (").append(mode).append(")\n");
        Table t = summary();
        for (var c : t.columns()) {
            b.append(String.format("  %-22s %s%n", c.name(), c.getString(0)));
        }
        if (errors > 0) {
            b.append(errors().print()).append('\n');
        }
        notes.forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
