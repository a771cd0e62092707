package dev.benchbook.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Change points in a series, such as a benchmark's mean over commits: E-divisive means (Matteson and
 * James, 2014) in its t-test variant, as Apache Otava (formerly Hunter) and MongoDB use it, so that the
 * result is deterministic.
 *
 * <p>The rule. Within a segment X[s..e), each split τ gives the energy statistic with α = 1:
 * Q(τ) = (m·k / (m + k)) · (2/(m·k) Σ|a − b| − 1/C(m,2) Σ|a − a'| − 1/C(k,2) Σ|b − b'|), over the m values
 * a before τ and the k values b from τ on. The split with the largest Q is the candidate. It is kept
 * when a Welch t-test between the candidate's two sides (the values from the previous change point to
 * it, and from it to the next) gives a p-value below {@code maxPValue}, after multiplying it by the
 * number of splits the segment offered (Bonferroni: the candidate was picked as the most extreme of
 * them, so its raw p-value is too optimistic; without this a flat series of 60 noisy values shows a
 * "change" about once in twenty). The segment is then split there and every segment is searched again,
 * until no candidate is kept. Candidates leave at least {@code minSegment} values on each side. Where
 * the original paper uses a permutation test for significance, the t-test makes the answer a pure
 * function of the series, as in Otava. Cost: O(L²) per searched segment of length L, for series of up to
 * {@value #WINDOW} values; longer series are searched in overlapping windows of that length and the changes
 * found are pruned against the whole series, so the cost grows linearly (see {@code windowed}).
 */
public final class ChangePoints {
    /** Default largest p-value of a kept change: 0.001, as Otava defaults to. */
    public static final double MAX_P_VALUE = 0.001;
    /**
     * Default fewest values on each side of a change: 5. With fewer, a t-test on a short tail is too
     * easily fooled by a few close values (3 gave a "change" on one flat series in a hundred).
     */
    public static final int MIN_SEGMENT = 5;

    /** Series up to this length are searched exactly; longer ones in windows of this length. */
    public static final int WINDOW = 200;

    private ChangePoints() {}

    /** The change points of {@code series} under the defaults; see the class description. */
    public static List<ChangePoint> detect(double[] series) {
        return detect(series, MAX_P_VALUE, MIN_SEGMENT);
    }

    /**
     * The change points of {@code series}, in index order.
     *
     * @param series the values in time order, every value finite; any length (a series shorter than
     *     twice {@code minSegment} has none)
     * @param maxPValue largest p-value of a kept change, in (0, 1)
     * @param minSegment fewest values on each side of a change, {@code >= 2}
     * @throws IllegalArgumentException if the series is null or holds a NaN or infinite value, or an
     *     option is out of range
     */
    public static List<ChangePoint> detect(double[] series, double maxPValue, int minSegment) {
        if (series == null) {
            throw new IllegalArgumentException("series: must not be null; pass the values in time order");
        }
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "] = " + series[i] + ": every value must be finite; "
                        + "drop missing runs before detecting change points");
            }
        }
        if (!(maxPValue > 0 && maxPValue < 1)) {
            throw new IllegalArgumentException("maxPValue = " + maxPValue + ": must be in (0, 1); e.g. 0.001");
        }
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment = " + minSegment + ": must be >= 2, so that each side "
                    + "has a variance");
        }
        List<Integer> cuts = series.length <= WINDOW ? exact(series, 0, series.length, maxPValue, minSegment)
                : windowed(series, maxPValue, minSegment);
        List<ChangePoint> out = new ArrayList<>();
        for (int i = 1; i + 1 < cuts.size(); i++) {
            int from = cuts.get(i - 1);
            int at = cuts.get(i);
            int to = cuts.get(i + 1);
            double before = mean(series, from, at);
            double after = mean(series, at, to);
            out.add(new ChangePoint(at, before, after, before == 0 ? Double.NaN : (after - before) / Math.abs(before),
                    adjusted(series, from, at, to, minSegment)));
        }
        return out;
    }

    /** The exact search over x[from..to): the cuts, {@code from} and {@code to} included. Cost O(L²) per pass. */
    private static List<Integer> exact(double[] x, int from, int to, double maxP, int min) {
        List<Integer> cuts = new ArrayList<>(List.of(from, to));
        boolean found = true;
        while (found) {
            found = false;
            // Search every current segment; keep the strongest significant candidate of this pass.
            Candidate best = null;
            for (int s = 0; s + 1 < cuts.size(); s++) {
                Candidate c = candidate(x, cuts.get(s), cuts.get(s + 1), min);
                if (c != null && (best == null || c.q > best.q)) {
                    best = c;
                }
            }
            if (best != null) {
                int at = insertionPoint(cuts, best.index);
                double p = adjusted(x, cuts.get(at - 1), best.index, cuts.get(at), min);
                if (p < maxP) {
                    cuts.add(at, best.index);
                    found = true;
                } else {
                    // The strongest candidate is not significant; weaker ones in other segments may be.
                    found = searchOthers(x, cuts, best, maxP, min);
                }
            }
        }
        return cuts;
    }

    /**
     * Long series: the exact search in overlapping windows of {@value #WINDOW} values (half a window apart), so
     * that the cost grows linearly with the length; then the union of the windows' changes is pruned against
     * the whole series: while a change's adjusted p-value between its neighbouring changes is above
     * {@code maxP}, the weakest is dropped. A change is found when it stands out within a window, as Otava's
     * windowed E-divisive does.
     */
    private static List<Integer> windowed(double[] x, double maxP, int min) {
        java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
        for (int s = 0; s < x.length; s += WINDOW / 2) {
            int e = Math.min(x.length, s + WINDOW);
            List<Integer> c = exact(x, s, e, maxP, min);
            found.addAll(c.subList(1, c.size() - 1));
            if (e == x.length) {
                break;
            }
        }
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        for (int c : found) {
            if (c - cuts.get(cuts.size() - 1) >= min && x.length - c >= min) {
                cuts.add(c);
            }
        }
        cuts.add(x.length);
        while (cuts.size() > 2) {
            int weakest = -1;
            double worst = -1;
            for (int i = 1; i + 1 < cuts.size(); i++) {
                double p = adjusted(x, cuts.get(i - 1), cuts.get(i), cuts.get(i + 1), min);
                if (p > worst) {
                    worst = p;
                    weakest = i;
                }
            }
            if (worst < maxP) {
                break;
            }
            cuts.remove(weakest);
        }
        return cuts;
    }

    /** Tries the other segments' candidates, strongest first, and keeps the first significant one. */
    private static boolean searchOthers(double[] x, List<Integer> cuts, Candidate rejected, double maxP, int min) {
        List<Candidate> others = new ArrayList<>();
        for (int s = 0; s + 1 < cuts.size(); s++) {
            Candidate c = candidate(x, cuts.get(s), cuts.get(s + 1), min);
            if (c != null && c.index != rejected.index) {
                others.add(c);
            }
        }
        others.sort(Comparator.comparingDouble((Candidate c) -> c.q).reversed());
        for (Candidate c : others) {
            int at = insertionPoint(cuts, c.index);
            if (adjusted(x, cuts.get(at - 1), c.index, cuts.get(at), min) < maxP) {
                cuts.add(at, c.index);
                return true;
            }
        }
        return false;
    }

    /** A split and its energy statistic. */
    record Candidate(int index, double q) {}

    /** The split of x[from..to) with the largest energy statistic, or null when no split leaves min values a side. */
    static Candidate candidate(double[] x, int from, int to, int min) {
        int n = to - from;
        if (n < 2 * min) {
            return null;
        }
        // within[i][j]-style sums kept incrementally: for a split t, A = x[from..t), B = x[t..to).
        double[] seg = java.util.Arrays.copyOfRange(x, from, to);
        double totalWithin = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                totalWithin += Math.abs(seg[i] - seg[j]);
            }
        }
        // aa: Σ|a - a'| over pairs in A; ab: Σ|a - b|; bb follows from the total.
        double aa = 0;
        double ab = 0;
        for (int j = 1; j < n; j++) {
            ab += Math.abs(seg[0] - seg[j]);
        }
        Candidate best = null;
        for (int t = 1; t < n; t++) {
            // A = seg[0..t), B = seg[t..n): ab and aa hold A's sums; move seg[t] from B to A after scoring.
            int m = t;
            int k = n - t;
            double bb = totalWithin - aa - ab;
            if (m >= min && k >= min) {
                double e = 2.0 * ab / ((double) m * k) - aa / (m * (m - 1) / 2.0) - bb / (k * (k - 1) / 2.0);
                double q = (double) m * k / (m + k) * e;
                if (best == null || q > best.q) {
                    best = new Candidate(from + t, q);
                }
            }
            // seg[t] joins A: its distances to A move from ab to aa; its distances to the rest of B join ab.
            double toA = 0;
            for (int i = 0; i < t; i++) {
                toA += Math.abs(seg[t] - seg[i]);
            }
            double toB = 0;
            for (int j = t + 1; j < n; j++) {
                toB += Math.abs(seg[t] - seg[j]);
            }
            ab = ab - toA + toB;
            aa += toA;
        }
        return best;
    }

    private static int insertionPoint(List<Integer> cuts, int index) {
        int at = 1;
        while (cuts.get(at) < index) {
            at++;
        }
        return at;
    }

    /** The p-value of a split of x[from..to) at {@code at}, Bonferroni-adjusted for the splits the segment offered. */
    static double adjusted(double[] x, int from, int at, int to, int min) {
        int splits = Math.max(1, to - from - 2 * min + 1);
        return Math.min(1.0, pValue(x, from, at, to) * splits);
    }

    /** Welch's two-sided p-value of x[from..at) against x[at..to); 1 when both sides are constant and equal. */
    static double pValue(double[] x, int from, int at, int to) {
        double[] a = java.util.Arrays.copyOfRange(x, from, at);
        double[] b = java.util.Arrays.copyOfRange(x, at, to);
        double va = variance(a);
        double vb = variance(b);
        if (va == 0 && vb == 0) {
            return mean(x, from, at) == mean(x, at, to) ? 1.0 : 0.0;
        }
        return new TTest().tTest(a, b);
    }

    private static double variance(double[] a) {
        double m = 0;
        for (double v : a) {
            m += v;
        }
        m /= a.length;
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return s / (a.length - 1);
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }
}
