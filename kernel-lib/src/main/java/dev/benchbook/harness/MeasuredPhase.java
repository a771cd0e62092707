package dev.benchbook.harness;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event spanning one benchmark's measured iterations, committed on its measuring thread: it
 * tells a profile which threads ran the benchmark, which span was measured, and whether the JIT's
 * debug information was complete.
 */
@Name(MeasuredPhase.NAME)
@Label("Benchbook measured phase")
@Category("Benchbook")
@Description("The measured iterations of one benchmark at one param combination")
@StackTrace(false)
final class MeasuredPhase extends jdk.jfr.Event {
    /** The event's JFR name. */
    static final String NAME = "benchbook.MeasuredPhase";

    @Label("Suite")
    String suite;

    @Label("Benchmark")
    String benchmark;

    @Label("Params")
    String params;

    @Label("Threads")
    @Description("The Java thread ids of the threads that run the benchmark's body, comma-separated: the measuring "
            + "thread and, with .threads(n), its n workers")
    String threads;

    @Label("async-profiler recording")
    @Description("The file name of the async-profiler recording made beside this one, whose samples of these "
            + "threads are the benchmark's; empty when JFR samples execution itself")
    String asyncRecording;

    @Label("Debug non-safepoints")
    @Description("Whether the JIT recorded debug information at non-safepoints (-XX:+DebugNonSafepoints, or "
            + "async-profiler loaded), so that samples of compiled code name their own method and line")
    boolean debugNonSafepoints;
}
