package dev.benchbook.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.benchbook.io.AtomicFiles;
import dev.benchbook.result.RunResult;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes JMH's JSON result format, the array of benchmark entries that {@code -rf json}
 * writes.
 *
 * <h2>Import</h2>
 * Each entry becomes one {@link dev.benchbook.result.BenchmarkRun} with status OK:
 * <ul>
 *   <li>The suite is named after the longest dot-separated prefix that every entry's class shares
 *       (the class itself when there is one), unless a name is passed. The benchmark is the rest of
 *       the name: the method when there is one class, {@code Class.method} otherwise. When a name is
 *       passed and every benchmark starts with it and a dot, the benchmark is what follows, so that
 *       benchmark names with dots survive an export and import.</li>
 *   <li>Params become a {@link dev.benchbook.spec.ParamSet}. A param whose every value in the file is
 *       an integer in canonical form ({@code 1000}, not {@code 01000}) becomes an {@code Integer}, or a
 *       {@code Long} beyond int range; otherwise its values stay strings.</li>
 *   <li>Every {@code primaryMetric.rawData} value becomes one measured
 *       {@link dev.benchbook.result.IterationSample}, forks concatenated and indexed 0..n-1. For
 *       {@code sample} mode files that carry only {@code rawDataHistogram}, each iteration's value is
 *       its histogram's mean. There are no warmup samples: JMH does not write them.</li>
 *   <li>Scores are converted to nanoseconds per operation. Modes {@code avgt}, {@code sample} and
 *       {@code ss} take {@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op} (and JMH's
 *       {@code min}, {@code hr}, {@code day}). Mode {@code thrpt} takes {@code ops/ns} ... {@code
 *       ops/day} and is converted to its reciprocal per thread: {@code threads × 1e9 / (ops/s)}, which
 *       is the time per operation that {@code avgt} would report for the same run. Because the
 *       reciprocal of a mean is not the mean of reciprocals, the mean of imported {@code thrpt}
 *       samples is not exactly {@code 1 / score}.</li>
 *   <li>Samples carry {@link #IMPORTED_BATCH_SIZE} as their batch size, so the {@code long} totals keep
 *       three decimals of nanoseconds and bytes per operation; {@code wallNsPerOp()} is the converted
 *       value. CPU time is -1 (unsupported). Allocation comes from {@code gc.alloc.rate.norm} (B/op)
 *       when present, else -1. GC counts and times come from {@code gc.count} and {@code gc.time} (ms)
 *       when present, else 0. The output hash is 0: JMH has none.</li>
 *   <li>JMH records no start time, OS, CPU count or heap size: the result starts at the epoch, has
 *       zero elapsed time, an empty OS and -1 processors and heap. The run controls take the first
 *       entry's warmup count and measurement time, its sample count as the iterations, and the
 *       {@link dev.benchbook.spec.Defaults} for the rest.</li>
 * </ul>
 *
 * <h2>Export</h2>
 * One entry per run with status OK, in mode {@code avgt} and unit {@code ns/op}, one fork holding the
 * measured samples ({@code measurementIterations} is their count; {@code warmupIterations} and the
 * iteration times come from the run controls; params are written as strings). Failed and timed-out
 * runs are left out, as JMH leaves out benchmarks that fail: the format has no field for a failure,
 * and tools that read it expect every entry to carry a score.
 * The error score is the half-width of the 99.9% Student-t interval ({@link #CONFIDENCE}), whatever
 * confidence the run used, because JMH tooling reads it as such. {@code gc.alloc.rate.norm} is written
 * when every measured sample has an allocation figure. GC counts are not written: JMH sums them over
 * iterations where Benchbook keeps them per sample. {@code jvm} holds the VM name and version, since
 * Benchbook does not record the java executable's path, and {@code jvmArgs} is the recorded argument
 * string split at whitespace.
 */
public final class JmhJson {
    private JmhJson() {}

    /**
     * Batch size of imported samples: 1000. JMH does not record how many operations an iteration ran,
     * so this is a fixed-point scale rather than an operation count: {@code wallNs} holds the converted
     * ns/op times 1000, keeping sub-nanosecond digits that a batch size of 1 would round away.
     */
    public static final long IMPORTED_BATCH_SIZE = 1_000;

    /** Suite name of an import whose benchmarks share no package prefix and that was given no name: {@code jmh}. */
    public static final String DEFAULT_SUITE = "jmh";

    /** Confidence level of exported {@code scoreError} and {@code scoreConfidence}: 0.999, as JMH uses. */
    public static final double CONFIDENCE = 0.999;

    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    /**
     * Reads a JMH JSON result file, naming the suite after the benchmarks' common class prefix.
     *
     * @throws JmhFormatException if the file is not a JMH result as described above; the message names
     *     the file, the JSON path, the value, the rule and the fix
     * @throws UncheckedIOException if the file cannot be read
     */
    public static RunResult read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a JMH JSON result file into a suite named {@code suiteName}.
     *
     * @param suiteName the suite's name, or null to use the benchmarks' common class prefix
     * @throws JmhFormatException if the file is not a JMH result; see {@link #read(Path)}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static RunResult read(Path file, String suiteName) {
        checkName(suiteName);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new JmhImport(file.toString()).read(in, suiteName);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": no such file; check the path that JMH's -rff option named", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": could not be read: " + e.getMessage()
                    + "; check that the file is readable", e);
        }
    }

    /**
     * Reads JMH JSON results from a reader, which is not closed. Error messages name the source
     * {@code <reader>}.
     *
     * @throws JmhFormatException if the text is not a JMH result; see {@link #read(Path)}
     * @throws UncheckedIOException if the reader fails
     */
    public static RunResult read(Reader in) {
        return read(in, null);
    }

    /**
     * Reads JMH JSON results from a reader, which is not closed, into a suite named {@code suiteName}.
     *
     * @param suiteName the suite's name, or null to use the benchmarks' common class prefix
     * @throws JmhFormatException if the text is not a JMH result; see {@link #read(Path)}
     * @throws UncheckedIOException if the reader fails
     */
    public static RunResult read(Reader in, String suiteName) {
        checkName(suiteName);
        return new JmhImport("<reader>").read(in, suiteName);
    }

    /**
     * The JMH JSON text of {@code result}: a pretty-printed array with one entry per OK run, ending in
     * a newline. See the class documentation for what is written.
     */
    public static String toJson(RunResult result) {
        try {
            return WRITER.writeValueAsString(JmhExport.tree(result)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a JSON tree built in memory", e);
        }
    }

    /**
     * Writes {@link #toJson(RunResult)} to {@code file} in UTF-8, through a temporary file in the same
     * directory that is then moved into place, so a reader sees the old file or the whole new one.
     * Missing parent directories are created.
     *
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written; no partial file is left behind
     */
    public static Path write(RunResult result, Path file) {
        return AtomicFiles.writeString(file, toJson(result), "JMH JSON");
    }

    private static void checkName(String suiteName) {
        if (suiteName != null && suiteName.isBlank()) {
            throw new IllegalArgumentException("suiteName(\"" + suiteName
                    + "\"): must not be blank; pass null to name the suite after the benchmarks' class");
        }
    }
}
