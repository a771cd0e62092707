package dev.benchbook.table;

import dev.benchbook.analysis.Finding;
import dev.benchbook.analysis.MemoryVariance;
import dev.benchbook.analysis.NonDeterministicOutput;
import dev.benchbook.format.Hex;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSpec;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The findings of a run as a table: one row per finding. */
public final class FindingsTable {
    /** Column: the finding's kind, e.g. {@code NonDeterministicOutput}. */
    public static final String KIND = "kind";
    /** Column: the measured value that broke the rule. */
    public static final String ACTUAL = "actual";
    /** Column: the rule's bound. */
    public static final String BOUND = "bound";
    /** Column: the iteration concerned, where one is. */
    public static final String ITERATION = "iteration";
    /** Column: expected output hash (NonDeterministicOutput only). */
    public static final String EXPECTED_HASH = "expected_hash";
    /** Column: actual output hash (NonDeterministicOutput only). */
    public static final String ACTUAL_HASH = "actual_hash";
    /** Column: the sentence with the numbers, the rule and the fix. */
    public static final String MESSAGE = "message";

    private FindingsTable() {}

    /**
     * Columns: suite, kind, benchmark, one per param (as text), actual, bound, iteration,
     * expected_hash, actual_hash, message. Hashes appear only in their own columns; for
     * NonDeterministicOutput, actual and bound are left empty.
     */
    public static Table of(RunResult result, List<Finding> findings) {
        StringColumn suite = StringColumn.create(Columns.SUITE);
        StringColumn kind = StringColumn.create(KIND);
        StringColumn bench = StringColumn.create(Columns.BENCHMARK);
        List<ParamSpec> paramSpecs = result.suite().params();
        List<StringColumn> params = paramSpecs.stream().map(p -> StringColumn.create(Columns.param(p.name()))).toList();
        DoubleColumn actual = DoubleColumn.create(ACTUAL);
        DoubleColumn bound = DoubleColumn.create(BOUND);
        IntColumn iteration = IntColumn.create(ITERATION);
        StringColumn expectedHash = StringColumn.create(EXPECTED_HASH);
        StringColumn actualHash = StringColumn.create(ACTUAL_HASH);
        StringColumn message = StringColumn.create(MESSAGE);
        for (Finding f : findings) {
            suite.append(result.suite().name());
            kind.append(f.kind());
            bench.append(f.benchmark());
            for (int i = 0; i < paramSpecs.size(); i++) {
                params.get(i).append(String.valueOf(f.params().values().get(paramSpecs.get(i).name())));
            }
            if (f instanceof NonDeterministicOutput nd) {
                actual.appendMissing();
                bound.appendMissing();
                iteration.append(nd.iteration());
                expectedHash.append(Hex.of(nd.expectedHash()));
                actualHash.append(Hex.of(nd.actualHash()));
            } else {
                actual.append(f.actual());
                bound.append(f.bound());
                if (f instanceof MemoryVariance mv) {
                    iteration.append(mv.iteration());
                } else {
                    iteration.appendMissing();
                }
                expectedHash.append("");
                actualHash.append("");
            }
            message.append(f.message());
        }
        Table t = Table.create(result.suite().name() + " findings", suite, kind, bench);
        params.forEach(t::addColumns);
        return t.addColumns(actual, bound, iteration, expectedHash, actualHash, message);
    }
}
