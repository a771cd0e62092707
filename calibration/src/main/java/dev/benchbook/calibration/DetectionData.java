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
 * calibration, the run controls); the rows are {@code round,slot,variant,iteration,warmup,batch_size,wall_ns,cpu_ns}
 * ({@code cpu_ns}: the measuring thread's CPU time over the batch, -1 when the platform gives none; files
 * without the column are read too).
 */
final class DetectionData {
    static final String HEADER = "round,slot,variant,iteration,warmup,batch_size,wall_ns,cpu_ns";
    /** The header of files written before the CPU time was recorded. */
    static final String HEADER_WALL_ONLY = "round,slot,variant,iteration,warmup,batch_size,wall_ns";

    /**
     * One run of one variant: its measured iterations' batch sizes, wall times and thread CPU times (each
     * -1 when unknown).
     */
    record Run(int round, int slot, String variant, long[] batch, long[] wallNs, long[] cpuNs) {
        /** A run without CPU times. */
        Run(int round, int slot, String variant, long[] batch, long[] wallNs) {
            this(round, slot, variant, batch, wallNs, unknown(batch.length));
        }

        private static long[] unknown(int n) {
            long[] c = new long[n];
            java.util.Arrays.fill(c, -1);
            return c;
        }

        /** Wall nanoseconds per operation of each measured iteration. */
        double[] nsPerOp() {
            double[] v = new double[batch.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (double) wallNs[i] / batch[i];
            }
            return v;
        }

        /** Whether every iteration has its CPU time. */
        boolean hasCpu() {
            return java.util.Arrays.stream(cpuNs).allMatch(c -> c >= 0);
        }

        /** {@code metric} ({@code wall_ns} or {@code cpu_ns}) per operation of each measured iteration. */
        double[] perOp(String metric) {
            if (metric.equals(WALL)) {
                return nsPerOp();
            }
            double[] v = new double[batch.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = cpuNs[i] < 0 ? Double.NaN : (double) cpuNs[i] / batch[i];
            }
            return v;
        }

        /** The run's unit value, as {@code Bench.ab} takes it: the mean of its iterations' wall ns/op. */
        double mean() {
            return DetectionWorkload.mean(nsPerOp());
        }

        /** The mean of its iterations' {@code metric} per op. */
        double mean(String metric) {
            return DetectionWorkload.mean(perOp(metric));
        }

        /** The run as the detector sees it, named {@code name}. */
        BenchmarkRun toBenchmarkRun(String name) {
            List<IterationSample> s = new ArrayList<>();
            for (int i = 0; i < batch.length; i++) {
                Map<String, Double> v = cpuNs[i] < 0 ? Map.of() : Map.of(CPU, (double) cpuNs[i] / batch[i]);
                s.add(new IterationSample(i, false, 0, batch[i], wallNs[i], 0, v));
            }
            return new BenchmarkRun(name, dev.benchbook.spec.ParamSet.EMPTY, dev.benchbook.result.Status.OK, "", s);
        }

        static Run of(int round, int slot, String variant, BenchmarkRun r) {
            List<IterationSample> m = r.measured();
            long[] b = new long[m.size()];
            long[] w = new long[m.size()];
            long[] c = new long[m.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = m.get(i).batchSize();
                w[i] = m.get(i).wallNs();
                double cpu = m.get(i).cpuNsPerOp();
                c[i] = Double.isNaN(cpu) ? -1 : Math.round(cpu * b[i]);
            }
            return new Run(round, slot, variant, b, w, c);
        }
    }

    /**
     * The data set: metadata and the complete rounds, each mapping variant to run.
     *
     * @param meta the {@code #} lines, in order
     * @param rounds complete rounds in the order they ran (a round missing a variant is dropped)
     */
    record Pool(Map<String, String> meta, List<Map<String, Run>> rounds) {}

    static final String WALL = dev.benchbook.metric.Metrics.WALL_NS.id();
    static final String CPU = dev.benchbook.metric.Metrics.CPU_NS.id();

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
                            + r.wallNs()[i] + "," + r.cpuNs()[i] + "\n");
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
        int fields = 8;
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
                fields = line.equals(HEADER_WALL_ONLY) ? 7 : 8;
                if (!line.equals(HEADER) && !line.equals(HEADER_WALL_ONLY)) {
                    throw new IllegalArgumentException("--replay " + file + ":" + (n + 1) + ": header '" + line
                            + "': expected '" + HEADER + "'; pass a file written by detection.sh");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",");
            try {
                if (f.length != fields) {
                    throw new NumberFormatException(f.length + " fields, expected " + fields);
                }
                if (Boolean.parseBoolean(f[4])) {
                    continue;
                }
                int round = Integer.parseInt(f[0]);
                rows.computeIfAbsent(round, k -> new LinkedHashMap<>()).computeIfAbsent(f[2], k -> new ArrayList<>())
                        .add(new long[] {Long.parseLong(f[5]), Long.parseLong(f[6]),
                                fields == 8 ? Long.parseLong(f[7]) : -1});
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
                long[] c = it.stream().mapToLong(x -> x[2]).toArray();
                round.put(v, new Run(e.getKey(), slots.get(e.getKey()).get(v), v, b, w, c));
            }
            rounds.add(round);
        }
        return new Pool(meta, rounds);
    }
}
