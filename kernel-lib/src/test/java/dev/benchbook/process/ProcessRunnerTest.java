package dev.benchbook.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.engine.RunListener;
import dev.benchbook.engine.RunRequest;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.MetricSet;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.SuiteSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Real processes through the native rusage runner: echo, a shell that fails, a missing program,
 * sleeps past the timeout, a CPU loop, a 64 MiB allocation.
 */
class ProcessRunnerTest {

    @Test
    void measuresEveryRunOfACommandWithADeterministicOutputHash() {
        Results r = Bench.suite("p").command("echo", "/bin/echo", "hi").iterations(3).warmup(1).quiet().run();
        assertEquals(1, r.result().runs().size());
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        assertEquals(ProcessRunner.ID, run.runner());
        assertEquals(StopReason.FIXED, run.stopReason());
        assertEquals(4, run.samples().size());
        assertEquals(List.of(true, false, false, false), run.samples().stream().map(IterationSample::warmup).toList());
        assertEquals(List.of(0, 1, 2, 3), run.samples().stream().map(IterationSample::index).toList());
        assertTrue(run.samples().stream().allMatch(s -> s.batchSize() == 1 && s.wallNs() > 0), run.samples().toString());
        assertTrue(run.deterministic());
        assertEquals(fnv1a("hi\n"), run.samples().get(0).outputHash(), "FNV-1a over the bytes of stdout");
        assertTrue(r.findingList().stream().noneMatch(f -> f.kind().equals("NonDeterministicOutput")),
                r.findingList().toString());
        assertEquals(3, r.samples().rowCount(), "the measured runs");
    }

    @Test
    void aFailingCommandIsFailedWithItsExitCodeAndStderr() {
        Results r = Bench.suite("p").command("fails", "/bin/sh", "-c", "echo oops >&2; exit 3")
                .iterations(3).warmup(1).quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.FAILED, run.status());
        assertEquals(StopReason.NONE, run.stopReason());
        assertEquals(List.of(), run.samples(), "the first run failed");
        assertTrue(run.error().contains("exited with code 3") && run.error().contains("oops"), run.error());
        assertTrue(run.error().contains("/bin/sh -c echo oops >&2; exit 3"), "names the command: " + run.error());
        assertEquals(ProcessRunner.ID, run.runner());
    }

    @Test
    void aMissingProgramFailsClearly() {
        Results r = Bench.suite("p").command("missing", "/nonexistent/benchbook-no-such-program", "x")
                .iterations(2).warmup(0).quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.FAILED, run.status());
        assertTrue(run.error().startsWith("cannot start /nonexistent/benchbook-no-such-program"), run.error());
        assertTrue(run.error().contains("check that the program exists"), run.error());
    }

    @Test
    void aCommandPastTheTimeoutIsTimedOutQuickly() {
        long t0 = System.nanoTime();
        Results r = Bench.suite("p").command("sleeps", "/bin/sleep", "5").timeout(Duration.ofMillis(300))
                .iterations(3).warmup(1).quiet().run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.TIMED_OUT, run.status());
        assertTrue(run.error().contains("exceeded timeout PT0.3S") && run.error().contains("raise .timeout("),
                run.error());
        assertTrue(ms < 3_000, "stopped after the timeout, not after the sleep: " + ms + " ms");
        assertFalse(ProcessHandle.current().descendants().anyMatch(h -> h.isAlive() && isSleep(h, "5")),
                "the process is gone");
    }

    @Test
    void aTimedOutShellTakesItsChildrenWithIt() throws Exception {
        Results r = Bench.suite("p").command("shell", "/bin/sh", "-c", "/bin/sleep 6.071; echo done")
                .timeout(Duration.ofMillis(300)).iterations(1).warmup(0).quiet().run();
        assertEquals(Status.TIMED_OUT, r.result().runs().get(0).status());
        assertFalse(stillRunning("6.071"), "no orphaned sleep keeps running after the timeout");
    }

    @Test
    void anInterruptStopsTheProcessAndCancels() throws Exception {
        SuiteSpec spec = Bench.suite("p").command("sleeps", "/bin/sleep", "6.073").iterations(1).warmup(0).build();
        RunRequest request = new RunRequest(spec, spec.benchmarks().get(0), ParamSet.EMPTY, 0, List.of());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                new ProcessRunner().run(request, RunListener.NONE);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sleeps("6.073").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        t.interrupt();
        t.join(5_000);
        assertFalse(t.isAlive());
        assertInstanceOf(CancellationException.class, thrown.get());
        assertFalse(stillRunning("6.073"), "the interrupted run's process is stopped");
    }

    @Test
    void eachRunReportsTheChildsOwnUserSysAndPeakRss() {
        Results r = Bench.suite("p")
                .command("loop", "/bin/sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done")
                .iterations(2).warmup(1).quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        assertEquals(3, run.samples().size());
        for (IterationSample s : run.samples()) {
            assertEquals(Set.of("user_ns", "sys_ns", "peak_rss_bytes"), s.values().keySet(), s.toString());
            assertTrue(s.value("user_ns") > 0, "the loop runs in user mode: " + s);
            assertTrue(s.value("sys_ns") >= 0, s.toString());
            assertTrue(s.value("peak_rss_bytes") > 0, s.toString());
            assertTrue(s.wallNs() > 0, s.toString());
        }
        System.out.println("shell loop: " + run.samples());
        MetricSet metrics = r.result().metrics();
        for (String id : List.of("user_ns", "sys_ns", "peak_rss_bytes")) {
            assertTrue(metrics.has(id), id + " is measured: " + metrics);
            assertFalse(metrics.unsupported().containsKey(id), metrics.unsupported().toString());
        }
        Table table = r.metrics();
        for (String id : List.of("user_ns", "sys_ns", "peak_rss_bytes")) {
            Table row = table.where(table.stringColumn("metric").isEqualTo(id));
            assertEquals(1, row.rowCount(), table.print());
            assertTrue(row.booleanColumn("supported").get(0), table.print());
        }
        assertEquals(Map.of(), ProcessRunner.unsupported(), "nothing is unsupported once the runner is built");
        assertEquals(Map.of(), ProcessRunner.limits().unsupported());
    }

    @Test
    void peakRssIsTheChildsOwnNotTheJvms() throws Exception {
        Results r = Bench.suite("p").command("true", "/bin/true")
                .command("alloc64", "python3", "-c", "b = bytearray(64 << 20)")
                .iterations(2).warmup(0).quiet().run();
        BenchmarkRun small = r.result().runs().get(0);
        BenchmarkRun big = r.result().runs().get(1);
        assertEquals(Status.OK, small.status(), small.error());
        assertEquals(Status.OK, big.status(), big.error());
        long jvm = jvmPeakRss();
        System.out.println("peak RSS of /bin/true " + rss(small) + ", of the 64 MiB program " + rss(big)
                + ", of this JVM " + jvm);
        assertTrue(jvm > 16L << 20, "precondition: the JVM itself holds more than 16 MiB: " + jvm);
        for (double b : rss(small)) {
            assertTrue(b > 0 && b < 16 << 20, "/bin/true is small, the JVM's resident set is not inherited: " + b);
        }
        for (double b : rss(big)) {
            assertTrue(b >= 64 << 20, "the 64 MiB buffer is counted: " + b);
        }
    }

    @Test
    void aProgramKilledByASignalFailsWith128PlusTheSignal() {
        Results r = Bench.suite("p").command("killed", "/bin/sh", "-c", "kill -9 $$").iterations(1).warmup(0)
                .quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.FAILED, run.status());
        assertTrue(run.error().contains("exited with code 137"), run.error());
    }

    @Test
    void aProgramOnThePathIsFoundAndAMissingOneNamed() {
        Results ok = Bench.suite("p").command("echo", "echo", "hi").iterations(1).warmup(0).quiet().run();
        assertEquals(Status.OK, ok.result().runs().get(0).status(), ok.result().runs().get(0).error());
        Results r = Bench.suite("p").command("missing", "benchbook-no-such-program-on-path").iterations(1).warmup(0)
                .quiet().run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.FAILED, run.status());
        assertTrue(run.error().startsWith("cannot start benchbook-no-such-program-on-path: "), run.error());
        assertTrue(run.error().contains("check that the program exists"), run.error());
    }

    @Test
    void onlyCommandsAreSupported() {
        SuiteSpec spec = Bench.suite("p").command("c", "/bin/true").benchmark("b", ctx -> 1).build();
        ProcessRunner runner = new ProcessRunner();
        assertTrue(runner.supports(spec, spec.benchmarks().get(0)).ok());
        assertFalse(runner.supports(spec, spec.benchmarks().get(1)).ok());
        assertFalse(runner.supports(spec, spec.benchmarks().get(1)).reason().isBlank());
    }

    /** Whether {@code sleep <seconds>} still runs a second after it should have been stopped. */
    private static boolean stillRunning(String seconds) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!sleeps(seconds).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * Every live {@code sleep <seconds>} process of the machine, orphans included: a grandchild whose
     * parent was killed is no descendant of this JVM any more.
     */
    private static List<ProcessHandle> sleeps(String seconds) {
        return ProcessHandle.allProcesses().filter(h -> h.isAlive() && isSleep(h, seconds)).toList();
    }

    private static boolean isSleep(ProcessHandle h, String seconds) {
        return h.info().command().map(c -> c.endsWith("sleep")).orElse(false)
                && h.info().arguments().map(a -> List.of(a).equals(List.of(seconds))).orElse(false);
    }

    private static List<Double> rss(BenchmarkRun run) {
        return run.samples().stream().map(s -> s.value("peak_rss_bytes")).toList();
    }

    /** VmHWM of this JVM, in bytes. */
    private static long jvmPeakRss() throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
                .findFirst().orElseThrow();
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
