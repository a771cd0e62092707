package dev.benchbook.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.engine.RunListener;
import dev.benchbook.harness.Harness;
import dev.benchbook.result.Artifact;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ProfileSpec;
import dev.benchbook.spec.SuiteValidationException;
import dev.benchbook.stats.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ProfileTest {
    private static volatile boolean measuring;
    private static volatile long sink;

    static long spin(long seed) {
        long x = seed | 1;
        for (int i = 0; i < 200_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /**
     * {@link #spin} unrolled past the JIT's inlining limit (FreqInlineSize, 325 bytes of bytecode), so that it
     * is always compiled as a method of its own: once inlined into a caller that C2 has recompiled, samples of
     * a tight loop may be attributed to the caller, by JFR and async-profiler alike.
     */
    static long spinAlone(long seed) {
        long x = seed | 1;
        for (int i = 0; i < 12_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            x ^= x << 14;
            x ^= x >>> 8;
            x ^= x << 18;
            x ^= x << 15;
            x ^= x >>> 9;
            x ^= x << 19;
            x ^= x << 13;
            x ^= x >>> 10;
            x ^= x << 20;
            x ^= x << 14;
            x ^= x >>> 11;
            x ^= x << 17;
            x ^= x << 15;
            x ^= x >>> 7;
            x ^= x << 18;
            x ^= x << 13;
            x ^= x >>> 8;
            x ^= x << 19;
            x ^= x << 14;
            x ^= x >>> 9;
            x ^= x << 20;
            x ^= x << 15;
            x ^= x >>> 10;
            x ^= x << 17;
            x ^= x << 13;
            x ^= x >>> 11;
            x ^= x << 18;
            x ^= x << 14;
            x ^= x >>> 7;
            x ^= x << 19;
            x ^= x << 15;
            x ^= x >>> 8;
            x ^= x << 20;
            x ^= x << 13;
            x ^= x >>> 9;
            x ^= x << 17;
            x ^= x << 14;
            x ^= x >>> 10;
            x ^= x << 18;
            x ^= x << 15;
            x ^= x >>> 11;
            x ^= x << 19;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 20;
            x ^= x << 14;
            x ^= x >>> 8;
            x ^= x << 17;
            x ^= x << 15;
            x ^= x >>> 9;
            x ^= x << 18;
        }
        return x;
    }

    static long warmupSpin(long seed) {
        long x = seed | 3;
        for (int i = 0; i < 200_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    static long otherSpin(long seed) {
        long x = seed | 5;
        for (int i = 0; i < 200_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    static long small(long seed) {
        return seed * 31 + 7;
    }

    static long[][] allocate() {
        long[][] out = new long[64][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[256];
        }
        return out;
    }

    static String text(int i) {
        return Integer.toString(i * 7919);
    }

    private static Results profiled(Path dir) {
        return Bench.suite("profiled").warmup(2).iterations(6).iterationTime(Duration.ofMillis(80))
                .benchmark("spin", ctx -> spin(ctx.random().nextLong()) + small(3))
                .benchmark("alloc", ctx -> {
                    long[][] a = allocate();
                    return a.length + text(a.length).length();
                })
                .profile(ProfileSpec.jfr().period(Duration.ofMillis(1)).directory(dir)).quiet().run();
    }

    @Test
    void aBenchmarkDominatedByOneMethodShowsItAtTheTopOfHotMethods(@TempDir Path dir) {
        Profile p = profiled(dir).profile("spin");
        Table hot = p.hotMethods();
        assertEquals(List.of("method", "self_samples", "self_pct", "total_samples", "total_pct", "line", "threads"),
                hot.columnNames());
        assertEquals(1, hot.intColumn("threads").get(0), hot.print());
        assertEquals(1, p.threads());
        assertTrue(p.samples() >= 100, "samples: " + p.samples());
        assertTrue(hot.stringColumn("method").get(0).endsWith("ProfileTest.spin"), hot.print());
        assertTrue(hot.doubleColumn("self_pct").get(0) > 80, hot.print());
        assertTrue(hot.intColumn("line").get(0) > 0, hot.print());
        for (String m : hot.stringColumn("method")) {
            assertFalse(m.startsWith("dev.benchbook.harness.") || m.startsWith("java.lang.Thread."),
                    "harness frame left in the stacks: " + m + "\n" + hot.print());
            assertFalse(m.contains("alloc") || m.contains("otherSpin"), "another benchmark's frame: " + m);
        }
        // total counts a method once per sample: never more than the samples, and at least its self.
        for (int i = 0; i < hot.rowCount(); i++) {
            assertTrue(hot.intColumn("total_samples").get(i) <= p.samples());
            assertTrue(hot.intColumn("total_samples").get(i) >= hot.intColumn("self_samples").get(i));
        }
    }

    @Test
    void aKnownAllocationSiteTopsAllocations(@TempDir Path dir) {
        Profile p = profiled(dir).profile("alloc");
        Table a = p.allocations();
        assertEquals(List.of("site", "class", "bytes", "pct", "samples", "top_frame"), a.columnNames());
        assertTrue(a.rowCount() > 0, "no allocation samples");
        assertTrue(a.stringColumn("site").get(0).endsWith("ProfileTest.allocate"), a.print());
        assertEquals("long[]", a.stringColumn("class").get(0), a.print());
        assertTrue(a.doubleColumn("pct").get(0) > 50, a.print());
        assertEquals(100.0, a.doubleColumn("pct").sum(), 0.5);
    }

    @Test
    void recordingCoversOnlyTheMeasuredIterationsOfItsBenchmark(@TempDir Path dir) {
        var spec = Bench.suite("phases").warmup(4).iterations(5).iterationTime(Duration.ofMillis(80))
                .benchmark("phased", ctx -> measuring ? spin(ctx.random().nextLong()) : warmupSpin(ctx.random().nextLong()))
                .benchmark("other", ctx -> otherSpin(ctx.random().nextLong()))
                .profile(ProfileSpec.jfr().period(Duration.ofMillis(1)).directory(dir)).build();
        RunListener phases = new RunListener() {
            @Override
            public void onMeasurementStart(String benchmark, ParamSet params) {
                measuring = true;
            }

            @Override
            public void onMeasurementEnd(String benchmark, ParamSet params) {
                measuring = false;
            }
        };
        RunResult result = new Harness(Precision::relativeHalfWidth).run(spec, phases);
        Table hot = Profile.of(result.runsOf("phased").get(0)).hotMethods();
        List<String> methods = hot.stringColumn("method").asList();
        assertTrue(methods.stream().anyMatch(m -> m.endsWith("ProfileTest.spin")), hot.print());
        assertFalse(methods.stream().anyMatch(m -> m.endsWith("warmupSpin")), "warmup was recorded:\n" + hot.print());
        assertFalse(methods.stream().anyMatch(m -> m.endsWith("otherSpin")), "another benchmark:\n" + hot.print());
        Table other = Profile.of(result.runsOf("other").get(0)).hotMethods();
        assertTrue(other.stringColumn("method").get(0).endsWith("otherSpin"), other.print());
    }

    @Test
    void artifactsRoundTripThroughTheRunFormatAndGiveTheProfileAgain(@TempDir Path dir) {
        Results r = profiled(dir);
        BenchmarkRun run = r.result().runsOf("spin").get(0);
        assertEquals(1, run.artifacts().size());
        Artifact a = run.artifacts().get(0);
        assertEquals(Artifact.JFR, a.kind());
        assertTrue(Files.isRegularFile(a.file()) && a.file().startsWith(dir), a.path());
        assertEquals(a.bytes(), a.file().toFile().length());
        assertTrue(a.sha256().matches("[0-9a-f]{64}"));
        Path file = r.writeJson(dir.resolve("run.json"));
        Results back = Results.read(file);
        assertEquals(run.artifacts(), back.result().runsOf("spin").get(0).artifacts());
        assertEquals(r.result().suite().controls().profile(), back.result().suite().controls().profile());
        assertEquals(r.profile("spin").hotMethods().print(), back.profile("spin").hotMethods().print());
    }

    @Test
    void aChangedOrMissingRecordingIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Results r = profiled(dir);
        Path jfr = r.result().runsOf("spin").get(0).artifacts().get(0).file();
        Files.write(jfr, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        var e = assertThrows(IllegalArgumentException.class, () -> r.profile("spin"));
        assertTrue(e.getMessage().contains("changed since the run"), e.getMessage());
        Files.delete(jfr);
        e = assertThrows(IllegalArgumentException.class, () -> r.profile("spin"));
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    }

    @Test
    void unprofiledRunsAndUnknownNamesGiveClearErrors() {
        Results r = Bench.suite("plain").iterations(2).warmup(1).iterationTime(Duration.ofMillis(5))
                .benchmark("x", ctx -> small(1)).quiet().run();
        var e = assertThrows(IllegalArgumentException.class, () -> r.profile("x"));
        assertTrue(e.getMessage().contains("was not profiled") && e.getMessage().contains(".profile()"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.profile("nope"));
        assertTrue(e.getMessage().contains("no benchmark of that name") && e.getMessage().contains("[x]"),
                e.getMessage());
        assertTrue(r.result().runsOf("x").get(0).artifacts().isEmpty());
    }

    @Test
    void jvmClassNamesReadAsJava() {
        assertEquals("long[]", Recordings.typeName("[J"));
        assertEquals("java.lang.String[][]", Recordings.typeName("[[Ljava.lang.String;"));
        assertEquals("java.util.ArrayList", Recordings.typeName("java.util.ArrayList"));
    }

    @Test
    void frameNamesDropJShellWrappersAndLambdaNumbers() {
        assertEquals("Parser.parse", Frames.name("REPL.$JShell$12$Parser", "parse"));
        assertEquals("Fg$$Lambda.run", Frames.name("Fg$$Lambda$221+0x00007f71f014c208.1045997582", "run"));
        assertEquals("Fg$$Lambda.run", Frames.name("Fg$$Lambda$17/0x0000000800c01234", "run"));
        assertEquals("jshell$$Lambda.run", Frames.name("REPL.$JShell$12$$Lambda$471+0x00007faf4808a410.744505553", "run"));
        assertEquals("jshell.lambda$do_it$0", Frames.name("REPL.$JShell$17", "lambda$do_it$0"));
    }

    @Test
    void aSamplingPeriodBelowOneMillisecondIsRefused() {
        var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("fast").benchmark("x", ctx -> 1)
                .profile(Duration.ofNanos(500_000)).build());
        assertTrue(e.getMessage().contains("profile(period=0.5 ms): the sampling period must be at least 1 ms"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Duration.ofMillis(1)"), e.getMessage());
    }

    @Test
    void everyThreadOfAGangIsSampledAndNoOtherThread(@TempDir Path dir) throws Exception {
        Profile p = ganged(ProfileSpec.jfr().period(Duration.ofMillis(1)).directory(dir));
        Table hot = p.hotMethods();
        assertTrue(hot.stringColumn("method").get(0).endsWith("ProfileTest.spinAlone"), hot.print());
        int spinThreads = hot.intColumn("threads").get(0);
        // both workers, plus the measuring thread when a sample lands while it runs the body itself (seen in CI)
        assertTrue(spinThreads == 2 || spinThreads == 3, "spin sampled on both workers:\n" + hot.print());
        assertTrue(p.threads() >= 2 && p.threads() <= 3, "the workers and at most the measuring thread: " + p.threads());
        assertTrue(p.toText().contains("execution samples on " + p.threads() + " threads"), p.toText());
        assertFalse(hot.stringColumn("method").asList().stream().anyMatch(m -> m.endsWith("otherSpin")),
                "a thread outside the gang was counted:\n" + hot.print());
    }

    /**
     * The profile of a {@code .threads(2)} benchmark spinning in {@link #spinAlone}, while a thread outside
     * the gang, named like its workers, spins in {@link #otherSpin}.
     */
    static Profile ganged(ProfileSpec settings) throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread decoy = new Thread(() -> {
            long x = 1;
            while (!done.get()) {
                x += otherSpin(x);
            }
            sink = x;
        }, "benchbook gangs/spin thread 9 of 9");
        decoy.setDaemon(true);
        decoy.start();
        try {
            return Bench.suite("gangs").threads(2).warmup(2).iterations(6).iterationTime(Duration.ofMillis(80))
                    .benchmark("spin", ctx -> spinAlone(ctx.random().nextLong()))
                    .profile(settings).quiet().run().profile("spin");
        } finally {
            done.set(true);
            decoy.join();
        }
    }

    @Test
    void theFlameGraphStartsAtTheBenchmarkAndDiffsByShare(@TempDir Path dir) {
        Results r = profiled(dir);
        Profile spin = r.profile("spin");
        FlameGraph g = spin.flameGraph();
        assertEquals(spin.samples(), g.total());
        String json = g.json();
        assertTrue(json.contains("ProfileTest.spin"), json);
        assertFalse(json.contains("dev.benchbook.harness.BenchmarkExecution"), json);
        String html = g.toHtml();
        assertTrue(html.contains("BenchbookFlame.draw("));
        assertFalse(html.contains("src=") || html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*https?:.*"),
                "the graph loads nothing");
        String report = dev.benchbook.report.HtmlReport.render(r.result(), null);
        assertTrue(report.contains("<h2 id=\"profiles\">Profiles</h2>") && report.contains("BenchbookFlame.draw("));
        FlameGraph d = Profile.diff(spin, r.profile("alloc"));
        assertTrue(d.isDiff());
        assertTrue(d.json().contains("\"b\":"), d.json());
    }
}
