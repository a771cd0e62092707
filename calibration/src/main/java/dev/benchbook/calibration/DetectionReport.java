package dev.benchbook.calibration;

import dev.benchbook.calibration.DetectionAnalysis.Outcome;
import dev.benchbook.calibration.DetectionAnalysis.Tally;
import dev.benchbook.calibration.DetectionData.Pool;
import dev.benchbook.calibration.DetectionData.Run;
import dev.benchbook.regress.RunSpread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detection evaluation's figures: the table of mode × {A/A false positives, detection at each
 * slowdown} with counts and Wilson 95% intervals, the targets, and the diagnostics that explain a miss
 * (run-to-run spread, per-round ratios, rounds used). Text for the console, CSV and Markdown for files.
 */
final class DetectionReport {
    static final double MAX_FALSE_POSITIVES = 0.01;
    static final double MIN_DETECTION_AT_5 = 0.95;
    private static final double Z95 = 1.959963984540054;

    private DetectionReport() {}

    /** The Wilson score interval of k successes in n at 95%, as {low, high}; {NaN, NaN} when n is 0. */
    static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
    }

    static String cell(Tally t) {
        if (t.n == 0) {
            return "-";
        }
        double[] w = wilson(t.hits, t.n);
        return String.format(Locale.ROOT, "%d/%d %.1f%% [%.1f, %.1f]", t.hits, t.n, 100.0 * t.hits / t.n,
                100 * w[0], 100 * w[1]);
    }

    static List<String> candidates() {
        List<String> v = DetectionWorkload.variants();
        return v.subList(1, v.size());
    }

    /** Whether {@code mode} meets both targets: false positives at most 1%, detection at 5% at least 95%. */
    static boolean meets(Outcome o, String mode) {
        Tally aa = o.get(mode, DetectionWorkload.A_PRIME);
        Tally b5 = o.get(mode, "B5");
        return aa.n > 0 && b5.n > 0 && (double) aa.hits / aa.n <= MAX_FALSE_POSITIVES
                && (double) b5.hits / b5.n >= MIN_DETECTION_AT_5;
    }

    /** PASS or MISS for the detector's default modes, "(proposal: PASS)" for cpu_ns rows, "(naive)" else. */
    static String verdictOf(Outcome o, String mode) {
        if (DetectionAnalysis.OURS.contains(mode)) {
            return meets(o, mode) ? "PASS" : "MISS";
        }
        if (DetectionAnalysis.CPU_MODES.contains(mode)) {
            return o.get(mode, DetectionWorkload.A_PRIME).n == 0 ? "(no cpu_ns)"
                    : "(proposal: " + (meets(o, mode) ? "PASS" : "MISS") + ")";
        }
        return "(naive)";
    }

    static String header(String v) {
        return v.equals(DetectionWorkload.A_PRIME) ? "A/A false positives" : "detect " + v.substring(1) + "%";
    }

    /** The console table. */
    static String table(Outcome o) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-36s", "mode"));
        for (String c : candidates()) {
            s.append(String.format(Locale.ROOT, " | %-27s", header(c)));
        }
        s.append(" | targets\n");
        for (String m : DetectionAnalysis.MODES) {
            s.append(String.format(Locale.ROOT, "%-36s", m));
            for (String c : candidates()) {
                s.append(String.format(Locale.ROOT, " | %-27s", cell(o.get(m, c))));
            }
            s.append(" | ").append(verdictOf(o, m)).append('\n');
        }
        return s.toString();
    }

    static String markdown(Outcome o) {
        StringBuilder s = new StringBuilder("| mode |");
        for (String c : candidates()) {
            s.append(' ').append(header(c)).append(" |");
        }
        s.append(" targets |\n|---|");
        candidates().forEach(c -> s.append("---|"));
        s.append("---|\n");
        for (String m : DetectionAnalysis.MODES) {
            s.append("| ").append(m).append(" |");
            for (String c : candidates()) {
                s.append(' ').append(cell(o.get(m, c))).append(" |");
            }
            s.append(' ').append(verdictOf(o, m)).append(" |\n");
        }
        return s.toString();
    }

    static String csv(Outcome o) {
        StringBuilder s = new StringBuilder(
                "mode,pair,slowdown_pct,hits,n,rate,wilson_low,wilson_high,verdicts,mean_rounds\n");
        for (String m : DetectionAnalysis.MODES) {
            for (String c : candidates()) {
                Tally t = o.get(m, c);
                double[] w = wilson(t.hits, t.n);
                s.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%d,%d,%.5f,%.5f,%.5f,\"%s\",%s%n", m,
                        c.equals(DetectionWorkload.A_PRIME) ? "A/A'" : "A/" + c, DetectionWorkload.slowdownOf(c),
                        t.hits, t.n, t.n == 0 ? Double.NaN : (double) t.hits / t.n, w[0], w[1], verdicts(t),
                        t.roundsUsed.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", meanRounds(t))));
            }
        }
        return s.toString();
    }

    static String verdicts(Tally t) {
        StringBuilder s = new StringBuilder();
        t.verdicts.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    static double meanRounds(Tally t) {
        return t.roundsUsed.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }

    /** Calibration, realised slowdowns, noise figures and each mode's verdict mix. */
    static String diagnostics(Pool pool, Outcome o, DetectionAnalysis a) {
        StringBuilder s = new StringBuilder();
        List<Map<String, Run>> rounds = pool.rounds();
        double[] aMeans = rounds.stream().mapToDouble(r -> r.get(DetectionWorkload.A).mean()).toArray();
        s.append(String.format(Locale.ROOT, "rounds: %d complete (%d runs); A median %.1f µs/op%n", rounds.size(),
                rounds.size() * DetectionWorkload.variants().size(), DetectionWorkload.median(aMeans) / 1e3));
        s.append("realised slowdown (median over rounds of B/A - 1, paired in the round; and ratio of medians - 1):\n");
        for (String c : candidates()) {
            double[] ratio = new double[rounds.size()];
            double[] logRatio = new double[rounds.size()];
            double[] cm = new double[rounds.size()];
            for (int i = 0; i < ratio.length; i++) {
                cm[i] = rounds.get(i).get(c).mean();
                ratio[i] = cm[i] / aMeans[i] - 1;
                logRatio[i] = Math.log(cm[i] / aMeans[i]);
            }
            s.append(String.format(Locale.ROOT,
                    "  %-3s target %2d%%: paired median %+6.2f%%, ratio of medians %+6.2f%%;"
                            + " per-round ln(B/A) sd %.4f, robust sd %.4f%n",
                    c, DetectionWorkload.slowdownOf(c), 100 * DetectionWorkload.median(ratio),
                    100 * (DetectionWorkload.median(cm) / DetectionWorkload.median(aMeans) - 1), sd(logRatio),
                    robustSd(logRatio)));
        }
        if (rounds.stream().allMatch(r -> r.get(DetectionWorkload.A).hasCpu())) {
            double[] share = rounds.stream().flatMap(r -> r.values().stream())
                    .mapToDouble(r -> r.mean(DetectionData.CPU) / r.mean()).sorted().toArray();
            s.append(String.format(Locale.ROOT, "CPU/wall of the runs: p5 %.3f, p25 %.3f, median %.3f (below 1: the "
                    + "measuring thread was descheduled)%n", quantile(share, 0.05), quantile(share, 0.25),
                    quantile(share, 0.5)));
            for (String c : candidates()) {
                double[] lr = rounds.stream().mapToDouble(r -> Math.log(r.get(c).mean(DetectionData.CPU)
                        / r.get(DetectionWorkload.A).mean(DetectionData.CPU))).toArray();
                s.append(String.format(Locale.ROOT, "  cpu_ns %-3s: paired median %+6.2f%%, per-round ln(B/A) sd %.4f, "
                        + "robust sd %.4f%n", c, 100 * Math.expm1(DetectionWorkload.median(lr)), sd(lr), robustSd(lr)));
            }
        }
        RunSpread all = RunSpread.of(aMeans);
        double[] logs = Arrays.stream(aMeans).map(Math::log).toArray();
        s.append(String.format(Locale.ROOT, "A run-to-run: sd of ln(run mean) %.4f over all runs; RunSpread of the "
                + "series %.4f%n", sd(logs), all == null ? Double.NaN : all.logSigma()));
        int h = a.historyRuns();
        if (rounds.size() >= h) {
            double[] sig = new double[rounds.size() - h + 1];
            for (int i = 0; i + h <= rounds.size(); i++) {
                RunSpread rs = RunSpread.of(Arrays.copyOfRange(aMeans, i, i + h));
                sig[i] = rs == null ? Double.NaN : rs.logSigma();
            }
            double[] sorted = sig.clone();
            Arrays.sort(sorted);
            s.append(String.format(Locale.ROOT, "  history windows of %d runs: RunSpread sigma p10 %.4f, median %.4f, "
                    + "p90 %.4f, min %.4f%n", h, quantile(sorted, 0.1), quantile(sorted, 0.5), quantile(sorted, 0.9),
                    sorted[0]));
        }
        double[] within = rounds.stream().mapToDouble(r -> {
            double[] v = r.get(DetectionWorkload.A).nsPerOp();
            return sd(Arrays.stream(v).map(Math::log).toArray()) / Math.sqrt(v.length);
        }).toArray();
        s.append(String.format(Locale.ROOT, "  within-run standard error of ln(mean) (iterations as if independent): "
                + "median %.4f, i.e. %.2f× smaller than the run-to-run sd%n", DetectionWorkload.median(within),
                sd(logs) / DetectionWorkload.median(within)));
        for (int lag : a.lags()) {
            List<Double> d = new ArrayList<>();
            for (int j = lag; j < rounds.size(); j++) {
                d.add(Math.abs(Math.log(DetectionWorkload.median(rounds.get(j).get(DetectionWorkload.A_PRIME).nsPerOp())
                        / DetectionWorkload.median(rounds.get(j - lag).get(DetectionWorkload.A).nsPerOp()))));
            }
            double[] sorted = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            s.append(String.format(Locale.ROOT, "  single-run A/A pairs at lag %d: |ln ratio of medians| median %.4f, "
                    + "p95 %.4f, p99 %.4f (a margin with 1%% false positives must exceed %.1f%%)%n", lag,
                    quantile(sorted, 0.5), quantile(sorted, 0.95), quantile(sorted, 0.99),
                    100 * Math.expm1(quantile(sorted, 0.99))));
        }
        s.append("verdicts per mode and pair (ab: mean rounds per comparison):\n");
        for (String m : DetectionAnalysis.MODES) {
            for (String c : candidates()) {
                Tally t = o.get(m, c);
                s.append(String.format(Locale.ROOT, "  %-36s %-3s %s%s%n", m, c, verdicts(t),
                        t.roundsUsed.isEmpty() ? "" : String.format(Locale.ROOT, "; rounds %.1f", meanRounds(t))));
            }
        }
        return s.toString();
    }

    static double sd(double[] xs) {
        double m = Arrays.stream(xs).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return xs.length < 2 ? Double.NaN : Math.sqrt(ss / (xs.length - 1));
    }

    static double robustSd(double[] xs) {
        double med = DetectionWorkload.median(xs);
        return 1.4826 * DetectionWorkload.median(Arrays.stream(xs).map(x -> Math.abs(x - med)).toArray());
    }

    private static double quantile(double[] sorted, double q) {
        double[] s = Arrays.stream(sorted).filter(Double::isFinite).toArray();
        return s.length == 0 ? Double.NaN : s[(int) Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
    }

    /** Writes detection.md, detection.csv and diagnostics.txt into {@code dir}; returns the paths. */
    static List<Path> write(Path dir, String preamble, Outcome o, String diagnostics) {
        try {
            Files.createDirectories(dir);
            List<Path> out = new ArrayList<>();
            out.add(Files.writeString(dir.resolve("detection.md"), "# Detection evaluation\n\n" + preamble + "\n"
                    + markdown(o), StandardCharsets.UTF_8));
            out.add(Files.writeString(dir.resolve("detection.csv"), csv(o), StandardCharsets.UTF_8));
            out.add(Files.writeString(dir.resolve("diagnostics.txt"), diagnostics, StandardCharsets.UTF_8));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
    }
}
