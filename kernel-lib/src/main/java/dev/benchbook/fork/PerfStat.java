package dev.benchbook.fork;

import dev.benchbook.metric.HardwareCounters;
import dev.benchbook.metric.Metrics;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Hardware counters around one fork: the fork runs under {@code perf stat}, started with counting off
 * ({@code --delay=-1}); the child switches it on when its measured iterations start and off when they
 * end, through perf's control fifo, so the counts cover the measured iterations only (with their
 * untimed verification calls). The counts divided by the measured invocations give per-operation
 * figures.
 */
final class PerfStat implements AutoCloseable {
    /** The events counted, as perf names them, in the order of {@link #METRICS}. */
    static final List<String> EVENTS = List.of("cycles", "instructions", "cache-misses");
    /** The metric id of each event. */
    static final Map<String, String> METRICS = Map.of("cycles", Metrics.CYCLES.id(), "instructions",
            Metrics.INSTRUCTIONS.id(), "cache-misses", Metrics.CACHE_MISSES.id());
    /** System properties telling the child where perf's control and acknowledgement fifos are. */
    static final String CTL_PROPERTY = "benchbook.perf.ctl";
    static final String ACK_PROPERTY = "benchbook.perf.ack";

    private final Path perf;
    private final Path dir;
    private final Path ctl;
    private final Path ack;
    private final Path out;

    private PerfStat(Path perf, Path dir) {
        this.perf = perf;
        this.dir = dir;
        this.ctl = dir.resolve("ctl.fifo");
        this.ack = dir.resolve("ack.fifo");
        this.out = dir.resolve("perf.csv");
    }

    /**
     * The perf binary to count forks with: on a machine whose counters a process may read, {@code
     * perf} on the PATH; otherwise empty.
     */
    static Optional<Path> binary() {
        if (!HardwareCounters.INSTANCE.countable()) {
            return Optional.empty();
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "perf");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Prepares a counting session with {@code perf}: a fresh directory with the two fifos. */
    static PerfStat open(Path perf) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("benchbook-perf");
        PerfStat s = new PerfStat(perf, dir);
        Process mk = new ProcessBuilder("mkfifo", s.ctl.toString(), s.ack.toString()).redirectErrorStream(true).start();
        if (!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0) {
            s.close();
            throw new IOException("mkfifo failed: " + new String(mk.getInputStream().readAllBytes()).trim());
        }
        return s;
    }

    /** What goes before the fork's java command. */
    List<String> prefix() {
        return List.of(perf.toString(), "stat", "-x", ",", "-e", String.join(",", EVENTS), "--delay=-1",
                "--control=fifo:" + ctl + "," + ack, "-o", out.toString(), "--");
    }

    /** The system properties that tell the child where the fifos are. */
    List<String> childProperties() {
        return List.of("-D" + CTL_PROPERTY + "=" + ctl, "-D" + ACK_PROPERTY + "=" + ack);
    }

    /** The raw counts perf wrote, by metric id; an event perf did not count is absent. */
    Map<String, Long> counts() throws IOException {
        return parse(Files.exists(out) ? Files.readAllLines(out) : List.of());
    }

    /**
     * Reads {@code perf stat -x ,} output: one line per event, {@code value,unit,event,...}; comment
     * lines start with {@code #}; an event perf could not count reads {@code <not counted>} or {@code
     * <not supported>} and is left out.
     */
    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (line.isBlank() || line.startsWith("#") || f.length < 3) {
                continue;
            }
            String event = f[2].contains(":") ? f[2].substring(0, f[2].indexOf(':')) : f[2];
            String id = METRICS.get(event);
            if (id == null) {
                continue;
            }
            try {
                m.put(id, Long.parseLong(f[0].trim()));
            } catch (NumberFormatException e) {
                // <not counted> or <not supported>: no figure, never a made-up one.
            }
        }
        return m;
    }

    /** Per-operation values of {@code counts} over {@code ops} measured invocations. */
    static Map<String, Double> perOp(Map<String, Long> counts, long ops) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (ops > 0) {
            counts.forEach((k, v) -> m.put(k, (double) v / ops));
        }
        return m;
    }

    @Override
    public void close() throws IOException {
        for (Path p : List.of(ctl, ack, out)) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }
}
