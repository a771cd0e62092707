package dev.benchbook.profile;

import dev.benchbook.harness.AsyncProfilerLibrary;
import dev.benchbook.spec.ProfileSpec;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which profilers this machine has, and why not: JFR always; async-profiler's modes where its library
 * loads and the mode's event works (async-cpu needs perf_events).
 *
 * <pre>{@code
 * Profiler.available()                 // profiler, supported, reason
 * Profiler.unsupported("async-cpu")    // "" or e.g. "unsupported: perf_events unavailable (...)"
 * }</pre>
 */
public final class Profiler {
    private Profiler() {}

    /**
     * Why {@code id} cannot profile on this machine, or empty when it can. This loads async-profiler's
     * library on the first question about one of its modes.
     *
     * @throws IllegalArgumentException if {@code id} is not one of {@link ProfileSpec#PROFILERS}
     */
    public static String unsupported(String id) {
        if (!ProfileSpec.PROFILERS.contains(id)) {
            throw new IllegalArgumentException("profiler \"" + id + "\": must be one of " + ProfileSpec.PROFILERS);
        }
        return ProfileSpec.JFR.equals(id) ? "" : AsyncProfilerLibrary.unsupported(id);
    }

    /** Every profiler with whether it works here and, when it does not, the reason. Columns: profiler, supported, reason. */
    public static Table available() {
        StringColumn id = StringColumn.create("profiler");
        BooleanColumn ok = BooleanColumn.create("supported");
        StringColumn reason = StringColumn.create("reason");
        for (String p : ProfileSpec.PROFILERS) {
            String why = unsupported(p);
            id.append(p);
            ok.append(why.isEmpty());
            reason.append(why);
        }
        return Table.create("profilers", id, ok, reason);
    }
}
