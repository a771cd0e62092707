package dev.benchbook.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.result.Artifact;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.spec.ProfileSpec;
import dev.benchbook.spec.SuiteValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class AsyncProfileTest {
    @BeforeAll
    static void asyncProfilerLoadsOnLinuxX64() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                "the shipped async-profiler is for linux-x64");
        assertEquals("", Profiler.unsupported(ProfileSpec.ASYNC_ITIMER), "async-itimer needs no perf events");
    }

    private static Results spin(ProfileSpec settings) {
        return Bench.suite("async").warmup(2).iterations(10).iterationTime(Duration.ofMillis(80))
                .benchmark("spin", ctx -> ProfileTest.spinAlone(ctx.random().nextLong()) + ProfileTest.small(3))
                .profile(settings).quiet().run();
    }

    @Test
    void anItimerProfileOfASpinningBenchmarkPutsTheSpinMethodOnTop(@TempDir Path dir) {
        Results r = spin(ProfileSpec.asyncItimer().period(Duration.ofMillis(1)).directory(dir));
        Profile p = r.profile("spin");
        Table hot = p.hotMethods();
        // setitimer fires at the kernel's tick at best and counts only CPU this process gets: on a loaded 2-core VM
        // 800 ms of spinning gave as few as 21 samples, a quiet one a few hundred.
        assertTrue(p.samples() >= 15, "samples: " + p.samples() + "\n" + hot.print());
        assertTrue(hot.stringColumn("method").get(0).endsWith("ProfileTest.spinAlone"), hot.print());
        assertTrue(hot.doubleColumn("self_pct").get(0) > 60, hot.print());
        assertTrue(hot.intColumn("line").get(0) > 0, "async-profiler's JFR output has line numbers:\n" + hot.print());
        assertEquals(1, p.threads());
        for (String m : hot.stringColumn("method")) {
            assertFalse(m.startsWith("dev.benchbook.harness.") || m.startsWith("java.lang.Thread."),
                    "harness frame left in the stacks: " + m + "\n" + hot.print());
        }
        assertTrue(p.flameGraph().json().contains("ProfileTest.spinAlone"));
        assertEquals(p.samples(), p.flameGraph().total());
        assertFalse(p.notes().stream().anyMatch(n -> n.contains("DebugNonSafepoints")),
                "async-profiler turns on the JIT's debug information when it loads: " + p.notes());
    }

    @Test
    void theAsyncRecordingIsAnArtifactBesideJfrsAndRoundTrips(@TempDir Path dir) {
        Results r = spin(ProfileSpec.asyncItimer().directory(dir));
        BenchmarkRun run = r.result().runsOf("spin").get(0);
        assertEquals(List.of(Artifact.ASYNC_JFR, Artifact.JFR), run.artifacts().stream().map(Artifact::kind).toList());
        for (Artifact a : run.artifacts()) {
            assertTrue(Files.isRegularFile(a.file()) && a.file().startsWith(dir), a.path());
            assertEquals(Artifact.sha256(a.file()), a.sha256());
            assertEquals("", a.problem());
        }
        assertTrue(run.artifacts().get(0).path().endsWith(".async.jfr"), run.artifacts().get(0).path());
        Results back = Results.read(r.writeJson(dir.resolve("run.json")));
        assertEquals(ProfileSpec.ASYNC_ITIMER, back.result().suite().controls().profile().profiler());
        assertEquals(r.profile("spin").hotMethods().print(), back.profile("spin").hotMethods().print());
    }

    @Test
    void anItimerProfileCountsEveryGangThreadAndNoOther(@TempDir Path dir) throws Exception {
        Profile p = ProfileTest.ganged(ProfileSpec.asyncItimer().period(Duration.ofMillis(1)).directory(dir));
        Table hot = p.hotMethods();
        assertTrue(hot.stringColumn("method").get(0).endsWith("ProfileTest.spinAlone"), hot.print());
        int spinThreads = hot.intColumn("threads").get(0);
        // both workers, plus the measuring thread when a sample lands while it runs the body itself (seen in CI)
        assertTrue(spinThreads == 2 || spinThreads == 3, "spin sampled on both workers:\n" + hot.print());
        assertFalse(hot.stringColumn("method").asList().stream().anyMatch(m -> m.endsWith("otherSpin")),
                "a thread outside the gang was sampled:\n" + hot.print());
    }

    @Test
    void aWallClockProfileSamplesTheSpinningThread(@TempDir Path dir) {
        assertEquals("", Profiler.unsupported(ProfileSpec.ASYNC_WALL));
        Table hot = spin(ProfileSpec.asyncWall().period(Duration.ofMillis(1)).directory(dir)).profile("spin").hotMethods();
        assertTrue(hot.stringColumn("method").get(0).endsWith("ProfileTest.spinAlone"), hot.print());
        assertTrue(hot.doubleColumn("self_pct").get(0) > 60, hot.print());
    }

    @Test
    void perfEventCpuSamplingRunsOnlyWherePerfEventsWork(@TempDir Path dir) {
        String reason = Profiler.unsupported(ProfileSpec.ASYNC_CPU);
        if (reason.isEmpty()) {
            Table hot = spin(ProfileSpec.asyncCpu().period(Duration.ofMillis(1)).directory(dir)).profile("spin")
                    .hotMethods();
            assertTrue(hot.stringColumn("method").get(0).endsWith("ProfileTest.spinAlone"), hot.print());
            assertTrue(hot.doubleColumn("self_pct").get(0) > 60, hot.print());
            assertEquals(1, hot.intColumn("threads").get(0), hot.print());
        } else {
            assertTrue(reason.startsWith("unsupported: perf_events unavailable ("), reason);
            var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("cpu").benchmark("x", ctx -> 1)
                    .profile(ProfileSpec.asyncCpu()).build());
            assertTrue(e.getMessage().contains("profile(profiler=\"async-cpu\"): " + reason), e.getMessage());
            assertTrue(e.getMessage().contains("ProfileSpec.asyncItimer()"), e.getMessage());
        }
    }

    @Test
    void anUnknownProfilerIsRefusedWithTheChoices() {
        var e = assertThrows(SuiteValidationException.class, () -> Bench.suite("bad").benchmark("x", ctx -> 1)
                .profile(ProfileSpec.jfr().profiler("async-cycles")).build());
        assertTrue(e.getMessage().contains("profile(profiler=\"async-cycles\"): the profiler must be one of jfr, "
                + "async-itimer, async-wall, async-cpu"), e.getMessage());
        var u = assertThrows(IllegalArgumentException.class, () -> Profiler.unsupported("async-cycles"));
        assertTrue(u.getMessage().contains("[jfr, async-itimer, async-wall, async-cpu]"), u.getMessage());
        Table t = Profiler.available();
        assertEquals(ProfileSpec.PROFILERS, t.stringColumn("profiler").asList());
        assertTrue(t.booleanColumn("supported").get(0) && t.booleanColumn("supported").get(1), t.print());
    }
}
