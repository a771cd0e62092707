package dev.benchbook.suites.sql;

import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteGroup;
import java.util.List;

/** The {@code sql} group: the OLTP suite over JDBC, on H2 and PostgreSQL. */
public final class SqlGroup implements SuiteGroup {
    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String description() {
        return "OLTP over JDBC: point selects, range scans, inserts and transfers on H2 and PostgreSQL";
    }

    @Override
    public List<Class<? extends SuiteFactory>> suites() {
        return List.of(SqlSuite.class);
    }
}
