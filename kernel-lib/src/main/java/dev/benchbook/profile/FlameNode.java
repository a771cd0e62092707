package dev.benchbook.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame of a flame graph's tree: the stacks that pass through it, as a weight (samples, or bytes
 * for allocations), its self weight, and its callees. Mutable while a tree is built, then only read.
 */
final class FlameNode {
    final String name;
    long total;
    long self;
    /** In a diff: the base's share of this path, as a fraction of the base's total (0 when absent). */
    double baseShare;
    private final Map<String, FlameNode> children = new LinkedHashMap<>();

    FlameNode(String name) {
        this.name = name;
    }

    /** A tree over {@code stacks} (each root first), weighted by {@code weights}, under a root named {@code root}. */
    static FlameNode of(String root, List<List<String>> stacks, List<Long> weights) {
        FlameNode top = new FlameNode(root);
        for (int i = 0; i < stacks.size(); i++) {
            top.add(stacks.get(i), weights.get(i));
        }
        return top;
    }

    void add(List<String> stack, long weight) {
        FlameNode n = this;
        n.total += weight;
        for (String frame : stack) {
            n = n.children.computeIfAbsent(frame, FlameNode::new);
            n.total += weight;
        }
        n.self += weight;
    }

    FlameNode child(String frame) {
        return children.get(frame);
    }

    /** Callees, heaviest first (ties by name, so the layout is stable). */
    List<FlameNode> children() {
        List<FlameNode> cs = new ArrayList<>(children.values());
        cs.sort(Comparator.comparingLong((FlameNode c) -> -c.total).thenComparing(c -> c.name));
        return cs;
    }

    int depth() {
        int d = 0;
        for (FlameNode c : children.values()) {
            d = Math.max(d, c.depth());
        }
        return d + 1;
    }

    int count() {
        int n = 1;
        for (FlameNode c : children.values()) {
            n += c.count();
        }
        return n;
    }

    /** Marks each node of this tree (a candidate's) with the share its path has in {@code base}. */
    void diffAgainst(FlameNode base, long baseTotal) {
        baseShare = base == null || baseTotal == 0 ? 0 : (double) base.total / baseTotal;
        for (FlameNode c : children.values()) {
            c.diffAgainst(base == null ? null : base.child(c.name), baseTotal);
        }
    }
}
