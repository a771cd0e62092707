package dev.benchbook.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import dev.benchbook.Results;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.spec.SuiteValidationException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ForkRunnerIT {

    @Test
    void profiledForksKeepOneRecordingEachWithDebugNonSafepoints() {
        Results r = Bench.suite(SortingSuite.class).warmup(2).iterations(4).forks(2).profile().quiet().run();
        var run = r.result().runs().get(0);
        assertEquals(2, run.artifacts().size(), run.toString());
        var p = r.profile(run.benchmark(), run.params().values());
        assertTrue(p.samples() > 0, p.toText());
        assertTrue(p.notes().stream().noneMatch(n -> n.contains("DebugNonSafepoints")), p.notes().toString());
        assertTrue(p.hotMethods().rowCount() > 0);
    }

    @Test
    void forksProfileWithAsyncProfilerInTheirOwnJvm() {
        Results r = Bench.suite(SortingSuite.class).warmup(2).iterations(4).forks(2)
                .profile(dev.benchbook.spec.ProfileSpec.asyncItimer()).quiet().run();
        var run = r.result().runs().get(0);
        assertEquals(java.util.List.of("async-jfr", "jfr", "async-jfr", "jfr"),
                run.artifacts().stream().map(dev.benchbook.result.Artifact::kind).toList(), run.toString());
        var p = r.profile(run.benchmark(), run.params().values());
        assertTrue(p.samples() > 0, p.toText());
        assertEquals(2, p.threads(), "one measuring thread per fork:\n" + p.toText());
        assertTrue(p.notes().stream().noneMatch(n -> n.contains("DebugNonSafepoints")), p.notes().toString());
    }

    @Test
    void forkedRunMergesSamplesFromFreshJvmsWithSameOutputHash() {
        // The parent's controls win over the factory's: 2 warmup + 4 measured per fork, not 1 + 3.
        Results r = Bench.suite(SortingSuite.class).warmup(2).iterations(4).forks(2).run();
        BenchmarkRun run = r.result().runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        Set<Integer> forks = run.samples().stream().map(IterationSample::fork).collect(Collectors.toSet());
        assertEquals(Set.of(1, 2), forks);
        assertEquals(2 * (2 + 4), run.samples().size());
        assertTrue(run.deterministic(), "same seed, same data, same hash in every JVM");
        Table s = r.summary();
        assertEquals(2, s.intColumn("forks").get(0));
        assertFalse(Double.isNaN(s.doubleColumn("between_fork_cv").get(0)));
        assertFalse(Double.isNaN(s.doubleColumn("within_fork_cv").get(0)));
        assertEquals(2, r.samples().intColumn("fork").unique().size());
    }

    @Test
    void forkedIterationsStreamToTheListenerAsTheyAreMeasured() {
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.benchbook.engine.RunListener listener = new dev.benchbook.engine.RunListener() {
            @Override
            public void onIteration(String benchmark, dev.benchbook.spec.ParamSet params, IterationSample s) {
                events.add("iteration fork " + s.fork());
            }

            @Override
            public void onBenchmarkEnd(BenchmarkRun run) {
                events.add("end");
            }
        };
        var spec = new SortingSuite().create();
        var runner = new dev.benchbook.engine.SuiteRunner(java.util.List.of(new ForkRunner(SortingSuite.class.getName())),
                java.util.List.of(), listener);
        var result = runner.run(spec.withControls(spec.controls().withForks(2)));
        assertEquals(Status.OK, result.runs().get(0).status(), result.runs().get(0).error());
        // 1 warmup + 3 measured per fork, each heard before the run ends, fork 1 before fork 2.
        assertEquals(java.util.List.of("iteration fork 1", "iteration fork 1", "iteration fork 1", "iteration fork 1",
                "iteration fork 2", "iteration fork 2", "iteration fork 2", "iteration fork 2", "end"), events);
        assertEquals("fork", result.runs().get(0).runner());
    }

    /** A stand-in for perf: runs the command, acknowledges control commands, logs them, writes fixed counts per enable. */
    private static final String FAKE_PERF = String.join("\n",
            "#!/usr/bin/env bash",
            "set -u",
            "out=''; ctl=''; ack=''",
            "while [ \"$1\" != '--' ]; do",
            "  case \"$1\" in",
            "    -o) out=\"$2\"; shift ;;",
            "    --control=fifo:*) spec=\"${1#--control=fifo:}\"; ctl=\"${spec%%,*}\"; ack=\"${spec#*,}\" ;;",
            "  esac",
            "  shift",
            "done",
            "shift",
            "log=\"$(dirname \"$0\")/commands.log\"",
            "touch \"$log\"; before=$(grep -c '^enable$' \"$log\")",
            "exec 3<>\"$ctl\" 4<>\"$ack\"",
            "( while read -r cmd <&3; do echo \"$cmd\" >> \"$log\"; printf 'ack\\n\\0' >&4; done ) &",
            "reader=$!",
            "\"$@\"",
            "status=$?",
            "kill $reader 2>/dev/null",
            "on=$(( $(grep -c '^enable$' \"$log\") - before ))",
            "{ echo '# started on a stand-in'; echo; echo \"$((3000000 * on)),,cycles,100,100.00,,\";",
            "  echo \"$((6000000 * on)),,instructions:u,100,100.00,2.00,insn per cycle\";",
            "  echo '<not supported>,,cache-misses,0,100.00,,'; } > \"$out\"",
            "exit $status", "");

    @Test
    void forksUnderPerfCountOnlyTheMeasuredIterationsPerOperation(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path perf = dir.resolve("perf");
        java.nio.file.Files.writeString(perf, FAKE_PERF);
        perf.toFile().setExecutable(true);
        var spec = new SortingSuite().create();
        var runner = new dev.benchbook.engine.SuiteRunner(java.util.List.of(new ForkRunner(SortingSuite.class.getName(),
                java.util.Optional.of(perf))), java.util.List.of(dev.benchbook.metric.HardwareCounters.INSTANCE),
                dev.benchbook.engine.RunListener.NONE);
        var result = runner.run(spec.withControls(spec.controls().withForks(2)));
        BenchmarkRun run = result.runs().get(0);
        assertEquals(Status.OK, run.status(), run.error());
        // Counting switched on at the first measured iteration and off after the last, once per fork.
        assertEquals(java.util.List.of("enable", "disable", "enable", "disable"),
                java.nio.file.Files.readAllLines(dir.resolve("commands.log")));
        long ops = run.measured().stream().mapToLong(IterationSample::batchSize).sum();
        assertEquals(2 * 3_000_000.0 / ops, run.runValue("cycles"), 1e-9);
        assertEquals(2 * 6_000_000.0 / ops, run.runValue("instructions"), 1e-9);
        assertTrue(Double.isNaN(run.runValue("cache_misses")), "perf could not count it: no figure");
        Results r = new Results(result);
        assertEquals(run.runValue("cycles"), r.summary().doubleColumn("cycles").get(0), 1e-9);
        var metrics = r.metrics();
        var cache = metrics.where(metrics.stringColumn("metric").isEqualTo("cache_misses"));
        assertFalse(cache.booleanColumn("supported").get(0), metrics.print());
        assertTrue(metrics.where(metrics.stringColumn("metric").isEqualTo("instructions")).booleanColumn("supported")
                .get(0), metrics.print());
    }

    @Test
    void perfStatOutputIsReadPerEventAndUncountedEventsAreLeftOut() {
        var counts = PerfStat.parse(java.util.List.of("# started on Tue", "", "12345,,cycles,1000,100.00,,",
                "678,,instructions:u,1000,100.00,0.05,insn per cycle", "<not counted>,,cache-misses,0,0.00,,",
                "99,,branch-misses,1,1,,"));
        assertEquals(java.util.Map.of("cycles", 12345L, "instructions", 678L), counts);
        assertEquals(java.util.Map.of("cycles", 1234.5, "instructions", 67.8), PerfStat.perOp(counts, 10));
        assertTrue(PerfStat.perOp(counts, 0).isEmpty(), "no measured operation, no per-op figure");
    }

    @Test
    void jvmArgsReachTheForkedJvm() {
        Results r = Bench.suite(PropertySuite.class).jvmArgs("-Dbenchbook.it.flag=forked").forks(1).quiet().run();
        assertEquals(Status.OK, r.result().runs().get(0).status(), r.result().runs().get(0).error());
        Results missing = Bench.suite(PropertySuite.class).forks(1).quiet().run();
        assertEquals(Status.FAILED, missing.result().runs().get(0).status());
        assertTrue(missing.result().runs().get(0).error().contains("benchbook.it.flag is null"),
                missing.result().runs().get(0).error());
    }

    @Test
    void suiteWithoutFactoryCannotForkAndSaysHow() {
        var suite = Bench.suite("inline").benchmark("x", ctx -> 1).warmup(0).iterations(2)
                .iterationTime(Duration.ofMillis(1)).quiet().forks(2);
        var e = assertThrows(SuiteValidationException.class, suite::run);
        assertTrue(e.getMessage().contains("forks(2): cannot fork notebook-defined code"), e.getMessage());
        assertTrue(e.getMessage().contains("Bench.suite(MySuite.class).forks(n)"), e.getMessage());
        assertTrue(e.getMessage().contains(".inProcessFallback()"), e.getMessage());
    }

    @Test
    void inProcessFallbackRunsHereWhenAskedTo() {
        Results r = Bench.suite("inline").benchmark("x", ctx -> 1).warmup(0).iterations(2)
                .iterationTime(Duration.ofMillis(1)).quiet().forks(2).inProcessFallback().run();
        assertEquals(0, r.result().suite().controls().forks());
        assertEquals(Status.OK, r.result().runs().get(0).status());
        assertTrue(r.result().runs().get(0).samples().stream().allMatch(s -> s.fork() == 0));
    }
}
