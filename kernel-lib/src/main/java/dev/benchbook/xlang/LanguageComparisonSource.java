package dev.benchbook.xlang;

/**
 * Anything that holds a cross-language comparison's result, so that plots and reports take the
 * notebook's {@code cmp} directly.
 */
public interface LanguageComparisonSource {
    /** The comparison's result. */
    ComparisonResult comparison();
}
