package dev.benchbook.spec;

import java.util.List;

/**
 * One declared parameter and its values, in declaration order.
 *
 * @param name the parameter's name, also its column name in result tables
 * @param values the values, none null
 */
public record ParamSpec(String name, List<Object> values) {
    public ParamSpec {
        values = List.copyOf(values);
    }
}
