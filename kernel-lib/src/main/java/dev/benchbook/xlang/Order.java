package dev.benchbook.xlang;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The order of a comparison's warmup and timed runs across implementations (see {@link
 * LanguageSuite#order}). The output checks always come first, in the same order either way.
 */
public enum Order {
    /**
     * Rounds, one run of every implementation each, in an order shuffled by the seed: the default. Each
     * implementation's runs are spread over the whole comparison, so a change in the machine's state while
     * it runs (another job starting, the CPU clocking down, a cache filling) lands on every implementation
     * about equally instead of on whichever ran at that moment, and a ratio, which is what a comparison
     * reports, is not biased by it. The price: each run follows another program's, which may leave the
     * machine in a different state than a run of its own would (caches, memory being given back, threads
     * still winding down), so a mean can differ from one measured back to back.
     */
    INTERLEAVED,
    /**
     * One block per implementation, in the order they were defined: its warmup runs, then its timed runs,
     * back to back, as {@code hyperfine} runs its commands. In this order every block starts with {@code
     * warmup} warmup runs of its own; the validation run, which ran before every block, does not count as
     * one. A slow drift of the machine's state then goes into the ratios, so compare like with like: use it
     * to check figures against a sequential tool, or to measure each program after runs of itself.
     */
    SEQUENTIAL;

    /** The lower-case name, as {@code --order} takes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The order of a name, any case: {@code interleaved} or {@code sequential}.
     *
     * @throws IllegalArgumentException naming the value and the names known
     */
    public static Order parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Order o : values()) {
            if (o.label().equals(n)) {
                return o;
            }
        }
        throw new IllegalArgumentException("order '" + name + "' is not known; use one of "
                + Arrays.stream(values()).map(Order::label).collect(Collectors.joining(", ")));
    }
}
