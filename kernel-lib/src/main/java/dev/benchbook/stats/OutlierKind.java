package dev.benchbook.stats;

/**
 * Where one value lies relative to Tukey's fences. Mild means beyond the 1.5 IQR fence but not beyond
 * the 3 IQR fence; severe means beyond the 3 IQR fence. A value exactly on a fence is not beyond it.
 */
public enum OutlierKind {
    /** Within the 1.5 IQR fences. */
    NONE,
    /** Below q1 - 1.5 IQR, at or above q1 - 3 IQR. */
    MILD_LOW,
    /** Above q3 + 1.5 IQR, at or below q3 + 3 IQR. */
    MILD_HIGH,
    /** Below q1 - 3 IQR. */
    SEVERE_LOW,
    /** Above q3 + 3 IQR. */
    SEVERE_HIGH
}
