/**
 * The {@code sql} suite: an OLTP-like mix of point selects, range scans, inserts and transfers in
 * transactions, over JDBC, on a seeded accounts-and-orders schema, against embedded H2 and against PostgreSQL
 * when a server is reachable ({@link dev.benchbook.suites.sql.OltpDatabase} is the database under test and
 * its workload, {@link dev.benchbook.suites.sql.SqlGroup} the {@code sql} group).
 */
package dev.benchbook.suites.sql;
