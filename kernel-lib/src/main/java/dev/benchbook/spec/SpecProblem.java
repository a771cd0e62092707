package dev.benchbook.spec;

/**
 * One problem found in a suite definition.
 *
 * @param field the DSL call or field at fault, as written, e.g. {@code iterations}
 * @param value the offending value, as text
 * @param rule the rule it breaks, e.g. {@code must be >= 1}
 * @param fix what to do instead
 */
public record SpecProblem(String field, String value, String rule, String fix) {

    /** {@code field(value): rule; fix}. */
    public String message() {
        return field + "(" + value + "): " + rule + "; " + fix;
    }
}
