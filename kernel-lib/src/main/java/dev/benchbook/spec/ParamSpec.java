package dev.benchbook.spec;

import java.util.List;

/**
 * One declared parameter and its values, in declaration order.
 *
 * @param name the parameter's name, also its column name in result tables
 * @param values the values, in declaration order (validation rejects nulls and repeats)
 */
public record ParamSpec(String name, List<Object> values) {
    public ParamSpec {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
