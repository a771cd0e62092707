package dev.benchbook.profile;

import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.display.HtmlTables;
import dev.benchbook.result.Artifact;
import dev.benchbook.result.BenchmarkRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The profile of one benchmark at one param combination: what its measured iterations spent their
 * time in and allocated, from the recordings its run kept (one per fork, merged): JFR's, and with an
 * async-profiler mode async-profiler's execution samples beside them. Only the benchmark's own threads
 * count (the measuring thread, and with {@code .threads(n)} its n workers; {@link #threads()} says how
 * many were sampled), and every stack starts at the benchmark's body: the harness's frames below it are
 * trimmed, and samples taken in the harness itself (between invocations) are one frame, {@value
 * Frames#HARNESS}.
 *
 * <pre>{@code
 * var p = r.profile("regex");
 * p.hotMethods()     // method, self_samples, self_pct, total_samples, total_pct, line, threads
 * p.allocations()    // site, class, bytes, pct, samples, top_frame
 * p.pauses()         // kind, name, start, duration_ns
 * p.flameGraph()     // interactive, offline
 * }</pre>
 */
public final class Profile implements Displayable {
    /** Rows shown by {@link #toHtml()} per table. */
    static final int SHOWN_ROWS = 12;
    /** The artifact kinds a profile reads: JFR's recording and async-profiler's. */
    private static final Set<String> RECORDINGS = Set.of(Artifact.JFR, Artifact.ASYNC_JFR);

    private final String name;
    private final List<Path> files;
    private final Recordings.Data data;

    private Profile(String name, List<Path> files, Recordings.Data data) {
        this.name = name;
        this.files = List.copyOf(files);
        this.data = data;
    }

    /**
     * The profile of {@code run}, read from its JFR artifacts.
     *
     * @throws IllegalArgumentException if the run has no recording, or a recording is missing or changed
     */
    public static Profile of(BenchmarkRun run) {
        String label = run.benchmark() + (run.params().values().isEmpty() ? "" : " [" + run.params() + "]");
        List<Path> files = new ArrayList<>();
        for (Artifact a : run.artifacts()) {
            if (!RECORDINGS.contains(a.kind())) {
                continue;
            }
            String problem = a.problem();
            if (!problem.isEmpty()) {
                throw new IllegalArgumentException("profile of " + label + ": " + problem);
            }
            files.add(a.file());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("profile of " + label + ": the run kept no recording ("
                    + (run.status().label().equals("ok") ? "it was not profiled" : "it ended " + run.status().label()
                    + " before its measured iterations were recorded") + "); add .profile() to the suite and run it again");
        }
        return new Profile(label, files, Recordings.read(files));
    }

    /**
     * The profile in the recordings made by a profiled run (JFR's and async-profiler's, one of each per
     * fork), e.g. copied from another machine.
     */
    public static Profile read(String name, Path... recordings) {
        List<Path> files = List.of(recordings);
        return new Profile(name, files, Recordings.read(files));
    }

    /** E.g. {@code regex [size=1000]}. */
    public String name() {
        return name;
    }

    /** The recordings read. */
    public List<Path> files() {
        return files;
    }

    /** Execution samples taken on the benchmark's threads during its measured iterations. */
    public int samples() {
        return data.samples().size();
    }

    /**
     * How many distinct threads the execution samples were taken on: the measuring thread, and with
     * {@code .threads(n)} the n workers that run the body (counted per fork).
     */
    public int threads() {
        return (int) data.samples().stream().map(Recordings.Sample::thread).distinct().count();
    }

    /** The measured span the recordings cover (summed over forks); zero when they hold no measured-phase event. */
    public Duration measured() {
        return data.measured();
    }

    /** What to know before trusting the figures: a JVM without DebugNonSafepoints, too few samples, ... */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(data.notes());
        if (samples() < 100) {
            notes.add("only " + samples() + " execution samples: shares are rough (±" + (samples() == 0 ? 100
                    : Math.round(100 / Math.sqrt(samples()))) + " points); profile longer (.maxTime(...)) or sample "
                    + "faster (.profile(Duration.ofMillis(1)))");
        }
        long truncated = data.samples().stream().filter(s -> s.frames().get(0).equals(Frames.TRUNCATED)).count();
        if (truncated > 0) {
            notes.add(String.format(Locale.ROOT, "%.1f%% of the stacks were deeper than JFR's stack depth and lost "
                    + "their bottom frames (shown under %s); forked runs record %d frames", 100.0 * truncated / samples(),
                    Frames.TRUNCATED, 512));
        }
        return notes;
    }

    /**
     * Methods by the samples in which they were running (self) and in which they were on the stack
     * (total: counted once per sample, however deep the recursion), heaviest self first. Columns:
     * {@code method}, {@code self_samples}, {@code self_pct}, {@code total_samples}, {@code total_pct}
     * (percent of all samples), {@code line} (the line most often running, -1 when unknown), {@code
     * threads} (how many distinct threads sampled it on the stack: 2 for a method that both workers of
     * {@code .threads(2)} ran).
     */
    public Table hotMethods() {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Map<Integer, Integer>> lines = new HashMap<>();
        Map<String, Set<String>> threadsOf = new HashMap<>();
        for (Recordings.Sample s : data.samples()) {
            List<String> frames = s.frames();
            String top = frames.get(frames.size() - 1);
            counts.computeIfAbsent(top, k -> new int[2])[0]++;
            lines.computeIfAbsent(top, k -> new HashMap<>()).merge(s.line(), 1, Integer::sum);
            Set<String> seen = new HashSet<>(frames);
            seen.remove(Frames.TRUNCATED);
            for (String m : seen) {
                counts.computeIfAbsent(m, k -> new int[2])[1]++;
                threadsOf.computeIfAbsent(m, k -> new HashSet<>()).add(s.thread());
            }
        }
        List<Map.Entry<String, int[]>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                .thenComparingInt(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey));
        double n = Math.max(1, samples());
        StringColumn method = StringColumn.create("method");
        IntColumn self = IntColumn.create("self_samples");
        DoubleColumn selfPct = DoubleColumn.create("self_pct");
        IntColumn total = IntColumn.create("total_samples");
        DoubleColumn totalPct = DoubleColumn.create("total_pct");
        IntColumn line = IntColumn.create("line");
        IntColumn threads = IntColumn.create("threads");
        for (Map.Entry<String, int[]> e : rows) {
            method.append(e.getKey());
            self.append(e.getValue()[0]);
            selfPct.append(round(100 * e.getValue()[0] / n));
            total.append(e.getValue()[1]);
            totalPct.append(round(100 * e.getValue()[1] / n));
            Map<Integer, Integer> ls = lines.get(e.getKey());
            line.append(ls == null ? -1 : ls.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).get().getKey());
            threads.append(threadsOf.getOrDefault(e.getKey(), Set.of()).size());
        }
        return Table.create(name + ": hot methods", method, self, selfPct, total, totalPct, line, threads);
    }

    /**
     * Allocation sites by the bytes JFR's allocation samples stand for ({@code jdk.ObjectAllocationSample}
     * weights), heaviest first. The {@code site} is the innermost frame outside the JDK ({@code java.},
     * {@code jdk.}, {@code sun.}, ...): the line of the benchmark's code that asked, even when the bytes
     * were allocated deeper, in {@code Arrays.copyOf} or {@code String.format}; {@code top_frame} is where
     * they were allocated. Columns: {@code site}, {@code class}, {@code bytes}, {@code pct}, {@code
     * samples}, {@code top_frame}.
     */
    public Table allocations() {
        Map<List<String>, long[]> bySite = new LinkedHashMap<>();
        Map<List<String>, String> topFrame = new HashMap<>();
        long all = 0;
        for (Recordings.Allocation a : data.allocations()) {
            List<String> frames = a.frames();
            String site = frames.get(frames.size() - 1);
            for (int i = frames.size() - 1; i >= 0; i--) {
                if (!Frames.jdk(frames.get(i)) && !frames.get(i).startsWith("(")) {
                    site = frames.get(i);
                    break;
                }
            }
            List<String> key = List.of(site, a.type());
            long[] v = bySite.computeIfAbsent(key, k -> new long[2]);
            v[0] += a.bytes();
            v[1]++;
            topFrame.merge(key, frames.get(frames.size() - 1), (x, y) -> x);
            all += a.bytes();
        }
        List<Map.Entry<List<String>, long[]>> rows = new ArrayList<>(bySite.entrySet());
        rows.sort(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> -e.getValue()[0])
                .thenComparing(e -> String.join(" ", e.getKey())));
        StringColumn site = StringColumn.create("site");
        StringColumn type = StringColumn.create("class");
        LongColumn bytes = LongColumn.create("bytes");
        DoubleColumn pct = DoubleColumn.create("pct");
        IntColumn count = IntColumn.create("samples");
        StringColumn top = StringColumn.create("top_frame");
        for (Map.Entry<List<String>, long[]> e : rows) {
            site.append(e.getKey().get(0));
            type.append(e.getKey().get(1));
            bytes.append(e.getValue()[0]);
            pct.append(round(all == 0 ? 0 : 100.0 * e.getValue()[0] / all));
            count.append((int) e.getValue()[1]);
            top.append(topFrame.get(e.getKey()));
        }
        return Table.create(name + ": allocation sites", site, type, bytes, pct, count, top);
    }

    /**
     * The JVM's pauses while the benchmark was measured, in time order: each garbage collection ({@code
     * kind} {@code gc}: collector and cause, its pauses summed) and each safepoint ({@code safepoint}: the VM
     * operation that asked for it, from begin to end). A collection's pauses are safepoints too, so they
     * appear under both kinds. Columns: {@code kind}, {@code name}, {@code start}, {@code duration_ns}.
     */
    public Table pauses() {
        StringColumn kind = StringColumn.create("kind");
        StringColumn pname = StringColumn.create("name");
        InstantColumn start = InstantColumn.create("start");
        LongColumn duration = LongColumn.create("duration_ns");
        for (Recordings.Pause p : data.pauses()) {
            kind.append(p.kind());
            pname.append(p.name());
            start.append(p.start());
            duration.append(p.durationNs());
        }
        return Table.create(name + ": pauses", kind, pname, start, duration);
    }

    /** The CPU flame graph: every execution sample, the benchmark's body at the top. */
    public FlameGraph flameGraph() {
        return new FlameGraph(name + ": " + samples() + " samples", "samples", cpuTree(), 0, false);
    }

    /** The allocation flame graph: allocation samples weighted by the bytes they stand for. */
    public FlameGraph allocationFlameGraph() {
        List<List<String>> stacks = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (Recordings.Allocation a : data.allocations()) {
            List<String> frames = new ArrayList<>(a.frames());
            frames.add(a.type());
            stacks.add(frames);
            weights.add(a.bytes());
        }
        FlameNode root = FlameNode.of(name, stacks, weights);
        return new FlameGraph(name + ": allocated bytes by stack", "bytes", root, 0, false);
    }

    /**
     * The diff flame graph of {@code candidate} against {@code base}: laid out by the candidate's
     * samples, each frame coloured by how its path's share of all samples changed (red grew, blue
     * shrank). Frames are matched by their path of method names, so two runs of the same code, or a
     * class redefined in a notebook, line up.
     */
    public static FlameGraph diff(Profile base, Profile candidate) {
        FlameNode b = base.cpuTree();
        FlameNode c = candidate.cpuTree();
        c.diffAgainst(b, b.total);
        // The roots are the benchmarks themselves: compare them as one frame whatever their names.
        c.baseShare = b.total == 0 ? 0 : 1;
        return new FlameGraph("diff: " + candidate.name + " (" + candidate.samples() + " samples) against "
                + base.name + " (" + base.samples() + " samples)", "samples", c, b.total, true);
    }

    /** {@link #diff(Profile, Profile)} of this profile (the candidate) against {@code base}. */
    public FlameGraph diff(Profile base) {
        return diff(base, this);
    }

    private FlameNode cpuTree() {
        List<List<String>> stacks = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (Recordings.Sample s : data.samples()) {
            stacks.add(s.frames());
            weights.add(1L);
        }
        return FlameNode.of(name, stacks, weights);
    }

    private static double round(double pct) {
        return Math.round(pct * 100) / 100.0;
    }

    private String threadsText() {
        int t = threads();
        return t + (t == 1 ? " thread" : " threads");
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<div class=\"benchbook-profile\">");
        b.append("<p><b>Profile of ").append(Html.escape(name)).append("</b>: ").append(samples())
                .append(" execution samples on ").append(threadsText()).append(", ")
                .append(data.allocations().size()).append(" allocation samples, ")
                .append(data.pauses().size()).append(" pauses, from ").append(files.size())
                .append(files.size() == 1 ? " recording" : " recordings").append(".</p>");
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            b.append("<ul style=\"color:#92400e\">");
            notes.forEach(n -> b.append("<li>").append(Html.escape(n)).append("</li>"));
            b.append("</ul>");
        }
        b.append(HtmlTables.render(hotMethods().first(SHOWN_ROWS), SHOWN_ROWS));
        b.append(flameGraph().toHtml());
        return b.append("</div>").toString();
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder("Profile of " + name + ": " + samples() + " execution samples on "
                + threadsText() + "\n");
        notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.append(hotMethods().first(SHOWN_ROWS).print()).toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
