package dev.benchbook.suites.standard;

import dev.benchbook.Bench;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.util.Arrays;

/**
 * Sorting ints with several algorithms on several data patterns: the JDK's dual-pivot quicksort on
 * {@code int[]}, its TimSort on boxed {@code Integer[]}, {@code Arrays.parallelSort}, a top-down merge
 * sort and an LSD radix sort. Params: {@code size} and {@code pattern} ({@code random}, {@code sorted},
 * {@code reversed}, {@code few-unique}). Every algorithm returns the sorted copy, so all hash alike.
 */
public final class SortingAlgorithmsSuite implements SuiteFactory {
    @Override
    public SuiteSpec create() {
        return Bench.suite("sorting-algorithms")
                .description("JDK sorts, a merge sort and a radix sort on random, sorted, reversed and few-unique ints")
                .param("size", 10_000, 100_000)
                .param("pattern", "random", "sorted", "reversed", "few-unique")
                .setup(SortingAlgorithmsSuite::data)
                .benchmark("arrays.sort", (ctx, d) -> { int[] c = d.clone(); Arrays.sort(c); return c; })
                .benchmark("arrays.sort.boxed", (ctx, d) -> {
                    Integer[] c = new Integer[d.length];
                    for (int i = 0; i < d.length; i++) {
                        c[i] = d[i];
                    }
                    Arrays.sort(c);
                    int[] out = new int[c.length];
                    for (int i = 0; i < c.length; i++) {
                        out[i] = c[i];
                    }
                    return out;
                })
                .benchmark("parallel.sort", (ctx, d) -> { int[] c = d.clone(); Arrays.parallelSort(c); return c; })
                .benchmark("merge.sort", (ctx, d) -> mergeSort(d.clone()))
                .benchmark("radix.sort", (ctx, d) -> radixSort(d.clone()))
                .baseline("arrays.sort")
                .build();
    }

    static int[] data(BenchContext ctx) {
        int n = ctx.intParam("size");
        String pattern = ctx.stringParam("pattern");
        int[] a = switch (pattern) {
            case "random" -> ctx.random().ints(n).toArray();
            case "sorted" -> ctx.random().ints(n).sorted().toArray();
            case "reversed" -> {
                int[] s = ctx.random().ints(n).sorted().toArray();
                int[] r = new int[n];
                for (int i = 0; i < n; i++) {
                    r[i] = s[n - 1 - i];
                }
                yield r;
            }
            case "few-unique" -> ctx.random().ints(n, 0, 16).toArray();
            default -> throw new IllegalArgumentException("param pattern=\"" + pattern
                    + "\": must be random, sorted, reversed or few-unique");
        };
        return a;
    }

    /** A top-down merge sort with one scratch buffer; stable, n log n on every pattern. */
    static int[] mergeSort(int[] a) {
        int[] tmp = new int[a.length];
        mergeSort(a, tmp, 0, a.length);
        return a;
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (a[mid - 1] <= a[mid]) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            a[k] = j >= hi || (i < mid && tmp[i] <= tmp[j]) ? tmp[i++] : tmp[j++];
        }
    }

    /** An LSD radix sort over four bytes; the sign bit flipped so that negatives come first. */
    static int[] radixSort(int[] a) {
        int[] buf = new int[a.length];
        int[] src = a;
        int[] dst = buf;
        for (int shift = 0; shift < 32; shift += 8) {
            int[] count = new int[257];
            for (int v : src) {
                count[(((v ^ Integer.MIN_VALUE) >>> shift) & 0xFF) + 1]++;
            }
            for (int i = 0; i < 256; i++) {
                count[i + 1] += count[i];
            }
            for (int v : src) {
                dst[count[((v ^ Integer.MIN_VALUE) >>> shift) & 0xFF]++] = v;
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }
}
