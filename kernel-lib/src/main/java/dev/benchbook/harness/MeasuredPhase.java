package dev.benchbook.harness;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event spanning one benchmark's measured iterations, committed on its measuring thread: it
 * tells a profile which thread ran the benchmark and which span was measured.
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
}
