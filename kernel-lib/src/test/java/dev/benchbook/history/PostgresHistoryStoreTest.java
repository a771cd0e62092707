package dev.benchbook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store in PostgreSQL: the same contract on the same schema, each test in a schema of its own
 * ({@code ?currentSchema=}), dropped afterwards. The server is {@code benchbook_test} on localhost:5432 as
 * role benchbook (password benchbook), or {@code $BENCHBOOK_TEST_PG}; when it cannot be reached the tests
 * fail and say how to start it.
 */
class PostgresHistoryStoreTest extends HistoryStoreContract {
    static final String URL = System.getenv().getOrDefault("BENCHBOOK_TEST_PG",
            "jdbc:postgresql://localhost:5432/benchbook_test?user=benchbook&password=benchbook");
    private final List<String> schemas = new ArrayList<>();

    @BeforeAll
    static void serverIsUp() {
        try (Connection c = DriverManager.getConnection(URL)) {
            assertTrue(c.isValid(5));
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + Location.redact(URL) + " (" + e.getMessage() + "); start it "
                    + "with `bash scripts/setup.sh postgresql` (as root), or point BENCHBOOK_TEST_PG at a server");
        }
    }

    @Override
    String freshLocation() {
        String schema = "history_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        schemas.add(schema);
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void keepsItsTablesInTheSchemaTheUrlNames() throws SQLException {
        String location = freshLocation();
        try (HistoryStore h = HistoryStore.open(location)) {
            h.write(HistoryFixtures.run(1, 1_000), "");
            assertTrue(h.location().contains("password=***") && !h.location().contains("password=benchbook"),
                    h.location());
        }
        String schema = schemas.get(schemas.size() - 1);
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM " + schema + ".runs")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void refusesASchemaOfSomethingElse() throws SQLException {
        String location = freshLocation();
        String schema = schemas.get(schemas.size() - 1);
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".invoices (id BIGINT PRIMARY KEY)");
        }
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(location));
        assertTrue(e.getMessage().contains("[invoices]") && e.getMessage().contains("not a Benchbook history store")
                && e.getMessage().contains("currentSchema=" + schema), e.getMessage());
    }

    @Test
    void anUnreachableServerIsNamedWithTheFix() {
        HistoryException e = assertThrows(HistoryException.class,
                () -> HistoryStore.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret&connectTimeout=2"));
        assertTrue(e.getMessage().contains("127.0.0.1:1") && e.getMessage().contains("scripts/setup.sh postgresql")
                && !e.getMessage().contains("secret"), e.getMessage());
    }
}
