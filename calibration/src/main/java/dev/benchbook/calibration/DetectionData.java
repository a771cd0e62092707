package dev.benchbook.calibration;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The detection evaluation's raw data: every run's iterations, in the order they ran, as a CSV that
 * {@code --replay} reads back. Lines starting with {@code #} carry {@code key=value} metadata (the
 * calibration, the run controls); the rows are {@code round,slot,variant,iteration,warmup,batch_size,wall_ns}.
 */
final class DetectionData {
    static final String HEADER = "round,slot,variant,iteration,warmup,batch_size,wall_ns";

    /** One run of one variant: its measured iterations' batch sizes and wall times. */
    record Run(int round, int slot, String variant, long[] batch, long[] wallNs) {
        /** Nanoseconds per operation of each measured iteration. */
        double[] nsPerOp() {
            double[] v = new double[batch.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (double) wallNs[i] / batch[i];
            }
            return v;
        }

        /** The run's unit value, as {@code Bench.ab} takes it: the mean of its iterations' ns/op. */
        double mean() {
            return DetectionWorkload.mean(nsPerOp());
        }

        /** The run as the detector sees it, named {@code name}. */
        BenchmarkRun toBenchmarkRun(String name) {
            List<IterationSample> s = new ArrayList<>();
            for (int i = 0; i < batch.length; i++) {
                s.add(new IterationSample(i, false, 0, batch[i], wallNs[i], 0, Map.of()));
            }
            return new BenchmarkRun(name, dev.benchbook.spec.ParamSet.EMPTY, dev.benchbook.result.Status.OK, "", s);
        }

        static Run of(int round, int slot, String variant, BenchmarkRun r) {
            List<IterationSample> m = r.measured();
            long[] b = new long[m.size()];
            long[] w = new long[m.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = m.get(i).batchSize();
                w[i] = m.get(i).wallNs();
            }
            return new Run(round, slot, variant, b, w);
        }
    }

    /**
     * The data set: metadata and the complete rounds, each mapping variant to run.
     *
     * @param meta the {@code #} lines, in order
     * @param rounds complete rounds in the order they ran (a round missing a variant is dropped)
     */
    record Pool(Map<String, String> meta, List<Map<String, Run>> rounds) {}

    private DetectionData() {}

    /** Appends runs to a CSV as they are measured, so an interrupted collection keeps what it has. */
    static final class Writer implements AutoCloseable {
        private final BufferedWriter out;

        Writer(Path file, Map<String, String> meta) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> e : meta.entrySet()) {
                    out.write("# " + e.getKey() + "=" + e.getValue() + "\n");
                }
                out.write(HEADER + "\n");
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        void add(Run r) {
            try {
                for (int i = 0; i < r.batch().length; i++) {
                    out.write(r.round() + "," + r.slot() + "," + r.variant() + "," + i + ",false," + r.batch()[i] + ","
                            + r.wallNs()[i] + "\n");
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the data file", e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the data file", e);
            }
        }
    }

    /**
     * Reads a data file written by {@link Writer}.
     *
     * @throws IllegalArgumentException naming the file and line when a row is malformed
     */
    static Pool read(Path file, List<String> variants) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--replay " + file + ": cannot read (" + e.getMessage() + ")");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        Map<Integer, Map<String, List<long[]>>> rows = new TreeMap<>();
        Map<Integer, Map<String, Integer>> slots = new TreeMap<>();
        boolean header = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    meta.put(line.substring(1, eq).strip(), line.substring(eq + 1).strip());
                }
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException("--replay " + file + ":" + (n + 1) + ": header '" + line
                            + "': expected '" + HEADER + "'; pass a file written by detection.sh");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",");
            try {
                if (f.length != 7) {
                    throw new NumberFormatException(f.length + " fields, expected 7");
                }
                if (Boolean.parseBoolean(f[4])) {
                    continue;
                }
                int round = Integer.parseInt(f[0]);
                rows.computeIfAbsent(round, k -> new LinkedHashMap<>()).computeIfAbsent(f[2], k -> new ArrayList<>())
                        .add(new long[] {Long.parseLong(f[5]), Long.parseLong(f[6])});
                slots.computeIfAbsent(round, k -> new LinkedHashMap<>()).put(f[2], Integer.parseInt(f[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--replay " + file + ":" + (n + 1) + ": '" + line + "': "
                        + e.getMessage() + "; expected " + HEADER);
            }
        }
        List<Map<String, Run>> rounds = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, List<long[]>>> e : rows.entrySet()) {
            if (!e.getValue().keySet().containsAll(variants)) {
                continue;
            }
            Map<String, Run> round = new LinkedHashMap<>();
            for (String v : variants) {
                List<long[]> it = e.getValue().get(v);
                long[] b = it.stream().mapToLong(x -> x[0]).toArray();
                long[] w = it.stream().mapToLong(x -> x[1]).toArray();
                round.put(v, new Run(e.getKey(), slots.get(e.getKey()).get(v), v, b, w));
            }
            rounds.add(round);
        }
        return new Pool(meta, rounds);
    }
}
