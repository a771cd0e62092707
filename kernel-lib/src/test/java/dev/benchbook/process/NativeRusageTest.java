package dev.benchbook.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.Status;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the native rusage runner: the cache, concurrent first use, no compiler, a failing compiler. */
class NativeRusageTest {
    private static final List<String> COMPILERS = List.of("cc", "gcc");

    @Test
    void buildsOnceIntoTheCacheAndASecondInstanceReusesTheBuild(@TempDir Path cache) throws Exception {
        NativeRusage first = new NativeRusage(cache, COMPILERS);
        Path exe = first.executable().orElseThrow(() -> new AssertionError(first.reason()));
        assertEquals(1, first.compilations());
        assertEquals("", first.reason());
        assertEquals(cache, exe.getParent());
        assertTrue(exe.getFileName().toString().matches("benchbook-rusage-[0-9a-f]{16}"), exe.toString());
        assertEquals(List.of(exe), list(cache), "no temporary source, log or half-built file is left behind");
        FileTime built = Files.getLastModifiedTime(exe);

        NativeRusage second = new NativeRusage(cache, COMPILERS);
        assertEquals(exe, second.executable().orElseThrow());
        assertEquals(0, second.compilations(), "the cached build is reused");
        assertEquals(built, Files.getLastModifiedTime(exe));
        assertEquals(1, first.compilations(), "built once per instance, however often asked");
    }

    @Test
    void aBrokenCachedBuildIsRebuilt(@TempDir Path cache) throws Exception {
        Path exe = new NativeRusage(cache, COMPILERS).executable().orElseThrow();
        Files.writeString(exe, "#!/bin/sh\nexit 0\n");
        NativeRusage again = new NativeRusage(cache, COMPILERS);
        assertEquals(exe, again.executable().orElseThrow(() -> new AssertionError(again.reason())));
        assertEquals(1, again.compilations(), "a cached file that fails the self-check is replaced");
    }

    @Test
    void concurrentFirstUseBuildsOnce(@TempDir Path cache) throws Exception {
        NativeRusage r = new NativeRusage(cache, COMPILERS);
        Set<Object> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> seen.add(r.executable())));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertEquals(1, seen.size(), seen.toString());
        assertTrue(r.executable().isPresent(), r.reason());
        assertEquals(1, r.compilations());
    }

    @Test
    void withoutACompilerTheRusageMetricsAreUnsupportedWithTheReason(@TempDir Path cache) throws Exception {
        NativeRusage r = new NativeRusage(cache, List.of("benchbook-no-such-cc", "/nonexistent/benchbook-gcc"));
        assertTrue(r.executable().isEmpty());
        assertEquals(0, r.compilations());
        String why = "unsupported: no C compiler (benchbook-no-such-cc or /nonexistent/benchbook-gcc) to build the "
                + "rusage runner; install gcc";
        assertEquals(why, r.reason());
        assertEquals(Map.of("user_ns", why, "sys_ns", why, "peak_rss_bytes", why), ProcessRunner.unsupported(r));
        assertEquals(List.of(), list(cache), "nothing was written");
    }

    @Test
    void aFailingCompilerGivesTheBuildFailure(@TempDir Path cache) throws Exception {
        Path cc = cache.resolve("broken-cc");
        Files.writeString(cc, "#!/bin/sh\necho 'fatal: no headers here' >&2\nexit 4\n");
        assertTrue(cc.toFile().setExecutable(true));
        NativeRusage r = new NativeRusage(cache.resolve("out"), List.of(cc.toString()));
        assertTrue(r.executable().isEmpty());
        assertEquals(1, r.compilations());
        assertTrue(r.reason().startsWith("unsupported: the rusage runner did not compile (`" + cc + " -O2 -o "),
                r.reason());
        assertTrue(r.reason().contains("exited with 4: fatal: no headers here"), r.reason());
        assertFalse(ProcessRunner.unsupported(r).isEmpty());
        assertEquals(List.of(), list(cache.resolve("out")), "temporary files are removed");
    }

    @Test
    void withoutTheRunnerProcessRunsKeepTheJvmsWallTime(@TempDir Path cache) {
        NativeRusage none = new NativeRusage(cache, List.of("benchbook-no-such-cc"));
        SuiteSpec spec = Bench.suite("p").command("echo", "/bin/echo", "hi").iterations(2).warmup(0).build();
        BenchmarkRun run = new ProcessRunner(none)
                .run(new RunRequest(spec, spec.benchmarks().get(0), ParamSet.EMPTY, 0, List.of()), RunListener.NONE);
        assertEquals(Status.OK, run.status(), run.error());
        assertEquals(2, run.samples().size());
        assertTrue(run.samples().stream().allMatch(s -> s.wallNs() > 0 && s.values().isEmpty()),
                run.samples().toString());

        SuiteSpec fails = Bench.suite("p").command("f", "/bin/sh", "-c", "echo oops >&2; exit 3").build();
        BenchmarkRun failed = new ProcessRunner(none)
                .run(new RunRequest(fails, fails.benchmarks().get(0), ParamSet.EMPTY, 0, List.of()), RunListener.NONE);
        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.error().contains("exited with code 3: oops"), failed.error());
    }

    @Test
    void parsesOnlyCompleteResultLines() {
        assertEquals(Map.of("wall_ns", 5L, "user_ns", 1L, "sys_ns", 2L, "maxrss_bytes", 1024L, "status", 3L),
                NativeRusage.parse("wall_ns=5 user_ns=1 sys_ns=2 maxrss_bytes=1024 status=3\n"));
        assertEquals(null, NativeRusage.parse("wall_ns=5 user_ns=1 sys_ns=2 maxrss_bytes=1024"));
        assertEquals(null, NativeRusage.parse("wall_ns=5 user_ns=x sys_ns=2 maxrss_bytes=1024 status=3"));
        assertEquals(null, NativeRusage.parse(""));
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
