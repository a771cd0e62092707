package dev.benchbook.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One combination of param values, one value per declared param, in declaration order.
 *
 * @param values param name to value
 */
public record ParamSet(Map<String, Object> values) {
    /** The combination of a suite that declares no params. */
    public static final ParamSet EMPTY = new ParamSet(Map.of());

    public ParamSet {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every combination of {@code params}, the first param varying slowest. */
    public static List<ParamSet> cartesian(List<ParamSpec> params) {
        List<Map<String, Object>> combos = List.of(new LinkedHashMap<>());
        for (ParamSpec p : params) {
            List<Map<String, Object>> next = new java.util.ArrayList<>();
            for (Map<String, Object> c : combos) {
                for (Object v : p.values()) {
                    Map<String, Object> m = new LinkedHashMap<>(c);
                    m.put(p.name(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos.stream().map(ParamSet::new).toList();
    }

    /** A stable text key such as {@code size=1000, kind=a}; empty for no params. */
    public String key() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key();
    }
}
