/**
 * Human units for figures: nanoseconds as ns, µs, ms or s and bytes as B, KiB, MiB or GiB, with
 * three significant digits. A low room with no dependencies, so that tables, reports and progress
 * can all speak the same units.
 */
package dev.benchbook.format;
