package dev.benchbook.xlang;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one run under callgrind counted (see {@link Callgrind#count}). The counts are valgrind's simulation of
 * the program on this machine's cache geometry ({@link #caches()}), not hardware counters: they repeat exactly
 * from run to run for a deterministic native program, which timings never do.
 *
 * @param instructions instructions executed ({@code Ir}), the program's and every child process's it started
 * @param i1Misses first-level instruction cache read misses ({@code I1mr})
 * @param d1Misses first-level data cache misses, reads plus writes ({@code D1mr + D1mw})
 * @param llMisses last-level cache misses, instruction reads, data reads and data writes ({@code ILmr + DLmr +
 *     DLmw})
 * @param estimatedCycles {@code Ir + 10 * (I1mr + D1mr + D1mw) + 100 * (ILmr + DLmr + DLmw)}: cachegrind's
 *     classic cycle estimate, with 10 cycles for an L1 miss that hits the last level and 100 for a last-level
 *     miss (no branch simulation). A model for ranking, not a cycle count of this processor
 * @param valgrindVersion the first line of {@code valgrind --version}, e.g. {@code valgrind-3.19.0}
 * @param command the exact command line that was run, from {@code env -i} to the program's last argument
 * @param exitStatus the program's exit status, or 128 + the signal that ended it
 * @param indicative true when the program runs on a managed runtime (JVM, CPython, node): its counts include
 *     the runtime's interpreter, JIT compiler and garbage collector, and compilation on background threads
 *     makes them vary from run to run
 * @param indicativeReason why the counts are indicative; empty when they are not
 * @param processes how many processes were traced: 1, or more when the program started others (their costs
 *     are included)
 * @param caches the simulated caches, as callgrind described them ({@code I1 cache: 65536 B, 64 B, 16-way
 *     associative}, ...)
 * @param functions every function with a cost, by self instructions, highest first
 * @param stdout what the program wrote to stdout
 * @param stderr what the program wrote to stderr (valgrind's own messages go elsewhere)
 */
public record CallgrindResult(long instructions, long i1Misses, long d1Misses, long llMisses, long estimatedCycles,
        String valgrindVersion, List<String> command, int exitStatus, boolean indicative, String indicativeReason,
        int processes, List<String> caches, List<CallgrindFunction> functions, String stdout, String stderr) {

    /** Column: the function's name, demangled. */
    public static final String METHOD = "method";
    /** Column: instructions executed in the function itself. */
    public static final String SELF_INSTRUCTIONS = "self_instructions";
    /** Column: self instructions as a percentage of all, rounded to 0.01. */
    public static final String SELF_PCT = "self_pct";
    /** Column: instructions executed in the function and its callees. */
    public static final String TOTAL_INSTRUCTIONS = "total_instructions";
    /** Column: total instructions as a percentage of all, rounded to 0.01. */
    public static final String TOTAL_PCT = "total_pct";
    /** Column: the function's source file, {@code ???} without debug information. */
    public static final String FILE = "file";
    /** Column: the executable or shared library the function is in. */
    public static final String OBJECT = "object";

    /** Copies the lists. */
    public CallgrindResult {
        command = List.copyOf(command);
        caches = List.copyOf(caches);
        functions = List.copyOf(functions);
    }

    /**
     * The per-function cost table, one row per function, by self instructions, highest first. Columns:
     * {@code method}, {@code self_instructions}, {@code self_pct}, {@code total_instructions}, {@code total_pct},
     * {@code file}, {@code object}. The self column adds up to {@link #instructions()}; the total column is
     * inclusive (see {@link CallgrindFile} for recursion).
     */
    public Table profile() {
        StringColumn method = StringColumn.create(METHOD);
        LongColumn self = LongColumn.create(SELF_INSTRUCTIONS);
        DoubleColumn selfPct = DoubleColumn.create(SELF_PCT);
        LongColumn total = LongColumn.create(TOTAL_INSTRUCTIONS);
        DoubleColumn totalPct = DoubleColumn.create(TOTAL_PCT);
        StringColumn file = StringColumn.create(FILE);
        StringColumn object = StringColumn.create(OBJECT);
        double all = Math.max(1, instructions);
        for (CallgrindFunction f : functions) {
            method.append(f.method());
            self.append(f.selfInstructions());
            selfPct.append(Math.round(10_000.0 * f.selfInstructions() / all) / 100.0);
            total.append(f.totalInstructions());
            totalPct.append(Math.round(10_000.0 * f.totalInstructions() / all) / 100.0);
            file.append(f.file());
            object.append(f.object());
        }
        return Table.create("callgrind: " + String.join(" ", command.subList(commandStart(), command.size())),
                method, self, selfPct, total, totalPct, file, object);
    }

    /** Where the program's own argv starts in {@link #command()}: after the inner {@code env -i NAME=value...}. */
    private int commandStart() {
        for (int i = 1; i < command.size(); i++) {
            if (command.get(i).equals(command.get(0))) {
                return Math.min(command.size() - 1, i + 2 + Callgrind.ENVIRONMENT.size());
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d instructions, %,d I1 misses, %,d D1 misses, %,d LL misses,"
                + " %,d estimated cycles%s (exit %d, %s)", instructions, i1Misses, d1Misses, llMisses, estimatedCycles,
                indicative ? " [indicative: " + indicativeReason + "]" : "", exitStatus, valgrindVersion);
    }
}
