package dev.benchbook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The store in an SQLite file: the contract, plus what only a file can get wrong. */
class SqliteHistoryStoreTest extends HistoryStoreContract {
    private int stores;

    @Override
    String freshLocation() {
        return tmp.resolve("project-" + (++stores)).resolve(".benchbook").resolve("history.db").toString();
    }

    @Test
    void createsTheFileAndItsFoldersInWalMode() throws Exception {
        Path file = Path.of(freshLocation());
        try (HistoryStore h = HistoryStore.open(file.toString())) {
            h.write(HistoryFixtures.run(1, 1_000), "");
            assertTrue(Files.isRegularFile(file));
            assertEquals(file.toString(), h.location());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void refusesAFileThatIsNotAnSqliteDatabase() throws Exception {
        Path file = tmp.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database\n", StandardCharsets.UTF_8);
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(file.toString()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("is not an SQLite database"), e.getMessage());
        assertTrue(e.getMessage().contains("BENCHBOOK_HISTORY"), e.getMessage());
        assertEquals("these are my notes, not a database\n", Files.readString(file), "the file is left alone");
    }

    @Test
    void refusesAnSqliteDatabaseOfSomethingElse() throws Exception {
        Path file = tmp.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)");
        }
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(file.toString()));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("[invoices]")
                && e.getMessage().contains("not a Benchbook history store"), e.getMessage());
    }

    @Test
    void refusesASchemaNewerThanThisBuild() throws Exception {
        String location = freshLocation();
        try (HistoryStore h = HistoryStore.open(location)) {
            h.write(HistoryFixtures.run(1, 1_000), "");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES (99, '7', 'from the future', 'SQL', "
                    + "'V7__from_the_future.sql', 1, 'test', 1, 1)");
        }
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(location));
        assertTrue(e.getMessage().contains(location) && e.getMessage().contains("schema version 7")
                && e.getMessage().contains("newer than this build") && e.getMessage().contains("(2)"), e.getMessage());
    }

    @Test
    void aDamagedFileIsReportedWithItsNameAndTheCheck() throws Exception {
        String location = freshLocation();
        try (HistoryStore h = HistoryStore.open(location)) {
            for (int i = 0; i < 10; i++) {
                h.write(HistoryFixtures.run(i, 1_000), "");
            }
        }
        Path file = Path.of(location);
        byte[] bytes = Files.readAllBytes(file);
        java.util.Random rnd = new java.util.Random(7);
        // Keep the header page, scramble every other one.
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) rnd.nextInt();
        }
        Files.write(file, bytes);
        HistoryException e = assertThrows(HistoryException.class, () -> {
            try (HistoryStore h = HistoryStore.open(location)) {
                for (long id : h.runs().longColumn(HistoryStore.RUN_ID).asList()) {
                    h.read(id);
                    h.raw(id);
                }
            }
        });
        assertTrue(e.getMessage().startsWith("history store " + location + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("PRAGMA integrity_check"), e.getMessage());
    }

    @Test
    void refusesAFolderAndOtherJdbcUrls() {
        HistoryException dir = assertThrows(HistoryException.class, () -> HistoryStore.open(tmp.toString()));
        assertTrue(dir.getMessage().contains("is a folder"), dir.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> HistoryStore.open("jdbc:mysql://localhost/x?password=secret"));
        assertTrue(url.getMessage().contains("jdbc:mysql is not supported") && !url.getMessage().contains("secret"),
                url.getMessage());
    }

    @Test
    void theDefaultStoreLivesUnderTheProjectRoot() {
        String env = System.getenv(HistoryStore.ENV);
        String expected = env != null && !env.isBlank() ? env.strip()
                : dev.benchbook.baseline.Baselines.projectRoot(Path.of("").toAbsolutePath())
                        .resolve(".benchbook/history.db").toString();
        assertEquals(expected, HistoryStore.defaultLocation());
    }
}
