/**
 * Tidy Tablesaw views of a {@link dev.benchbook.result.RunResult}: the raw samples table, the
 * summary table, their stable column names ({@link dev.benchbook.table.Columns}), and CSV export.
 * Every method returns a new table; nothing here measures.
 */
package dev.benchbook.table;
