package dev.benchbook.report;

import dev.benchbook.format.Units;
import dev.benchbook.regress.MetricComparison;
import dev.benchbook.regress.RegressionAnalysis;
import dev.benchbook.regress.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comparison with a baseline as text: Markdown for a GitHub job summary or pull-request comment, and a
 * one-screen console summary. Both lead with the outcome, list regressions first, and say what could not be
 * compared and why.
 */
public final class RegressionText {
    /** Most rows the console summary lists before saying how many it left out. */
    public static final int CONSOLE_ROWS = 15;

    private RegressionText() {}

    /** The one-line outcome, e.g. {@code 2 regressions (worst: major), 1 improvement, 5 no change, 0 inconclusive}. */
    public static String outcome(RegressionAnalysis a) {
        StringBuilder b = new StringBuilder();
        int reg = a.withVerdict(Verdict.REGRESSION).size();
        b.append(reg).append(reg == 1 ? " regression" : " regressions");
        a.worst().ifPresent(s -> b.append(" (worst: ").append(s.label()).append(')'));
        int imp = a.withVerdict(Verdict.IMPROVEMENT).size();
        b.append(", ").append(imp).append(imp == 1 ? " improvement" : " improvements");
        b.append(", ").append(a.withVerdict(Verdict.NO_CHANGE).size()).append(" no change, ")
                .append(a.withVerdict(Verdict.INCONCLUSIVE).size()).append(" inconclusive");
        long skipped = a.rows().stream().filter(r -> !r.status().equals(MetricComparison.COMPARED)).count();
        if (skipped > 0) {
            b.append(" (").append(skipped).append(" not compared)");
        }
        return b.toString();
    }

    /** The comparison as Markdown. */
    public static String markdown(RegressionAnalysis a) {
        StringBuilder b = new StringBuilder();
        String icon = a.worst().isPresent() ? "🔴" : a.comparable() || a.forced() ? "🟢" : "⚪";
        b.append("### ").append(icon).append(" Benchbook: ").append(md(a.candidateLabel())).append(" vs ")
                .append(md(a.baselineLabel())).append("\n\n");
        b.append("**").append(outcome(a)).append("**\n\n");
        if (!a.comparable()) {
            b.append(a.forced() ? "> ⚠️ Compared across differing environments: " : "> ⛔ Not comparable: ")
                    .append(md(String.join(", ", a.differences().stream().map(Object::toString).toList())))
                    .append("\n\n");
        }
        b.append("| benchmark | metric | baseline | candidate | change | interval | verdict | evidence | MDE |\n")
                .append("|---|---|---:|---:|---:|---|---|---|---:|\n");
        for (MetricComparison r : ordered(a)) {
            b.append("| ").append(md(r.label())).append(" | ").append(md(r.metric())).append(" | ")
                    .append(value(r.baseline(), r)).append(" | ").append(value(r.candidate(), r)).append(" | ")
                    .append(pct(r.deltaPct())).append(" | ").append(interval(r)).append(" | ").append(verdict(r))
                    .append(" | ").append(r.evidence().label()).append(" | ")
                    .append(Double.isFinite(r.mdePct()) ? String.format(Locale.ROOT, "%.1f%%", r.mdePct()) : "–")
                    .append(" |\n");
        }
        List<String> notes = notes(a);
        if (!notes.isEmpty()) {
            b.append("\n<details><summary>Notes</summary>\n\n");
            notes.forEach(n -> b.append("- ").append(md(n)).append('\n'));
            b.append("\n</details>\n");
        }
        b.append(String.format(Locale.ROOT, "%nα = %.3g after Holm's adjustment across rows; severity: minor < %.0f%% ≤ "
                + "major < %.0f%% ≤ critical.%n", a.config().alpha(), a.config().majorPct(), a.config().criticalPct()));
        return b.toString();
    }

    /** A summary that fits one screen: the outcome, then the most important rows, then the notes. */
    public static String console(RegressionAnalysis a) {
        StringBuilder b = new StringBuilder();
        b.append("Benchbook: ").append(a.candidateLabel()).append(" vs ").append(a.baselineLabel()).append('\n');
        b.append(outcome(a)).append('\n');
        if (!a.comparable()) {
            b.append(a.forced() ? "compared across differing environments: " : "NOT COMPARABLE: ")
                    .append(String.join(", ", a.differences().stream().map(Object::toString).toList())).append('\n');
        }
        List<MetricComparison> rows = ordered(a);
        int width = Math.min(48, rows.stream().mapToInt(r -> (r.label() + " " + r.metric()).length()).max().orElse(10));
        for (int i = 0; i < Math.min(CONSOLE_ROWS, rows.size()); i++) {
            MetricComparison r = rows.get(i);
            String name = r.label() + " " + r.metric();
            if (name.length() > width) {
                name = name.substring(0, width - 1) + "…";
            }
            b.append(String.format(Locale.ROOT, "  %-" + width + "s %10s → %-10s %8s  %-22s %s%n", name,
                    value(r.baseline(), r), value(r.candidate(), r), pct(r.deltaPct()), verdict(r),
                    r.status().equals(MetricComparison.COMPARED) ? r.evidence().label() : r.status()));
        }
        if (rows.size() > CONSOLE_ROWS) {
            b.append("  … ").append(rows.size() - CONSOLE_ROWS).append(" more rows in the Markdown, JSON or HTML "
                    + "report\n");
        }
        for (String n : notes(a).stream().limit(5).toList()) {
            b.append("note: ").append(n).append('\n');
        }
        return b.toString();
    }

    /** Regressions (worst first), improvements, inconclusive, not compared, then no change. */
    static List<MetricComparison> ordered(RegressionAnalysis a) {
        List<MetricComparison> out = new ArrayList<>(a.regressions());
        out.addAll(a.withVerdict(Verdict.IMPROVEMENT));
        a.withVerdict(Verdict.INCONCLUSIVE).stream().filter(r -> r.status().equals(MetricComparison.COMPARED))
                .forEach(out::add);
        a.rows().stream().filter(r -> !r.status().equals(MetricComparison.COMPARED)).forEach(out::add);
        out.addAll(a.withVerdict(Verdict.NO_CHANGE));
        return out;
    }

    /** The distinct reasons, each once, with the rows they apply to counted. */
    static List<String> notes(RegressionAnalysis a) {
        java.util.Map<String, Integer> seen = new java.util.LinkedHashMap<>();
        for (MetricComparison r : ordered(a)) {
            if (!r.reason().isEmpty()) {
                String key = r.status().equals(MetricComparison.COMPARED) ? r.reason() : r.label() + ": " + r.reason();
                seen.merge(key, 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        if (!a.unchecked().isEmpty()) {
            out.add("not checked (unknown on at least one side): " + String.join(", ", a.unchecked()));
        }
        seen.forEach((k, n) -> out.add(n > 1 ? k + " (" + n + " rows)" : k));
        return out;
    }

    static String verdict(MetricComparison r) {
        return r.verdict().label() + (r.severity() == null ? "" : " (" + r.severity().label() + ")");
    }

    static String value(double v, MetricComparison r) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return switch (r.unit()) {
            case "ns/op", "ns" -> Units.time(v);
            case "B/op", "bytes" -> Units.bytes(v);
            default -> Units.sig(v) + (r.unit().isEmpty() ? "" : " " + r.unit());
        };
    }

    static String pct(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%+.1f%%", p) : "–";
    }

    static String interval(MetricComparison r) {
        return Double.isFinite(r.ciLowPct()) && Double.isFinite(r.ciHighPct())
                ? String.format(Locale.ROOT, "[%+.1f%%, %+.1f%%]", r.ciLowPct(), r.ciHighPct()) : "–";
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
