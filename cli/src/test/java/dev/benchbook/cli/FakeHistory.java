package dev.benchbook.cli;

import dev.benchbook.regress.RunNoise;
import dev.benchbook.result.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** An in-memory stand-in for the history store, with the contract's series columns. */
final class FakeHistory implements HistoryAccess {
    final List<RunResult> written = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<Path> imported = new ArrayList<>();
    String openedAt;

    HistoryAccess.Opener opener() {
        return location -> {
            openedAt = location;
            return this;
        };
    }

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public long write(RunResult run, String label) {
        written.add(run);
        labels.add(label);
        return written.size();
    }

    @Override
    public RunResult read(long id) {
        return written.get((int) id - 1);
    }

    /** Six runs of 100 ns, then six of 130 ns; the change point at the seventh. */
    @Override
    public Table series(String benchmark, Map<String, String> params, String metric) {
        Table t = Table.create(benchmark + " " + metric);
        LongColumn id = LongColumn.create("run_id");
        InstantColumn started = InstantColumn.create("started");
        StringColumn commit = StringColumn.create("commit");
        StringColumn size = StringColumn.create("size");
        DoubleColumn value = DoubleColumn.create("value");
        IntColumn segment = IntColumn.create("segment");
        BooleanColumn cp = BooleanColumn.create("change_point");
        if (!benchmark.equals("steps")) {
            return t.addColumns(id, started, commit, size, value, segment, cp);
        }
        for (int i = 0; i < 12; i++) {
            id.append(i + 1);
            started.append(java.time.Instant.parse("2026-12-01T00:00:00Z").plusSeconds(3600L * i));
            commit.append(String.format("c%06d", i));
            size.append("1000");
            value.append(i < 6 ? 100 + i % 2 : 130 + i % 2);
            segment.append(i < 6 ? 0 : 1);
            cp.append(i == 6);
        }
        return t.addColumns(id, started, commit, size, value, segment, cp);
    }

    @Override
    public int importJmh(Path file, String label) {
        imported.add(file);
        return 2;
    }

    @Override
    public RunNoise noise() {
        return RunNoise.NONE;
    }

    @Override
    public void close() {}
}
