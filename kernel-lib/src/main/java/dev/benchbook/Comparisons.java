package dev.benchbook;

import dev.benchbook.baseline.Baselines;
import dev.benchbook.codec.BaselineJson;
import dev.benchbook.codec.RunFormatException;
import dev.benchbook.history.HistoryStore;
import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.RegressionAnalysis;
import dev.benchbook.regress.RegressionDetector;
import dev.benchbook.regress.RunNoise;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.RunResultSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves what {@code r.compareTo(other)} was given (a baseline name, a file, another run) and runs the
 * detector, with the history store's run-to-run spread as noise when a store exists.
 */
final class Comparisons {
    private Comparisons() {}

    /** One side of a comparison: the run and how to name it. */
    record Side(RunResult run, String label) {}

    static Side resolve(Object other) {
        if (other instanceof RunResultSource s) {
            return new Side(s.result(), label("run", s.result()));
        }
        if (other instanceof RunResult r) {
            return new Side(r, label("run", r));
        }
        if (other instanceof Path p) {
            return file(p);
        }
        if (other instanceof String s) {
            if (s.endsWith(".json") || s.contains("/") || s.contains(java.io.File.separator)) {
                return file(Path.of(s));
            }
            Baselines.checkName(s);
            BaselineJson.BaselineFile f = Baselines.inProject().load(s);
            return new Side(f.run().result(), label("baseline '" + s + "'", f.run().result()));
        }
        throw new IllegalArgumentException("compareTo(" + (other == null ? "null" : other.getClass().getSimpleName())
                + "): pass a baseline name such as \"main\", a Path or \"file.json\" (run, baseline or JMH JSON file), "
                + "or another Results");
    }

    private static Side file(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new RunFormatException(p.toString(), "", "no such file; pass the path of a run file "
                    + "(r.writeJson(path)), a baseline file (baselines/NAME.json) or a JMH JSON result");
        }
        Results r = Results.read(p);
        return new Side(r.result(), label(p.getFileName().toString(), r.result()));
    }

    static String label(String what, RunResult r) {
        String commit = r.git().commit();
        return commit.isEmpty() ? what : what + " (" + commit.substring(0, Math.min(7, commit.length()))
                + (r.git().dirty() ? ", dirty" : "") + ")";
    }

    static RegressionReport compare(Side base, Results candidate, DetectorConfig config, RunNoise noise) {
        RegressionAnalysis a = new RegressionDetector(config).compare(base.run(), base.label(), candidate.result(),
                label("this run", candidate.result()), noise);
        return RegressionReport.of(a);
    }

    /**
     * The run-to-run spread from the project's history store, when there is one: {@code $BENCHBOOK_HISTORY},
     * or an existing {@code .benchbook/history.db} under the project root. No store, no spread: comparisons
     * then rest on forks or on the margin. A store that cannot be read is an error, not silence.
     */
    static RunNoise projectNoise() {
        String env = System.getenv(HistoryStore.ENV);
        String location = HistoryStore.defaultLocation();
        if ((env == null || env.isBlank()) && !Files.isRegularFile(Path.of(location))) {
            return RunNoise.NONE;
        }
        try (HistoryStore store = HistoryStore.open(location)) {
            return store.noise();
        }
    }
}
