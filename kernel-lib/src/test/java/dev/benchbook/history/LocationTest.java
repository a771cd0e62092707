package dev.benchbook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class LocationTest {
    private static final Map<String, String> CREDENTIALS = Map.of(HistoryStore.ENV + "_USER", "team",
            HistoryStore.ENV + "_PASSWORD", "s3cret");

    @Test
    void aPathIsAnSqliteFileMadeAbsolute() {
        Location loc = Location.parse("some/dir/../history.db", Map.of());
        assertEquals(Location.Kind.SQLITE, loc.kind);
        assertEquals(Path.of("some/history.db").toAbsolutePath(), loc.file);
        assertEquals(loc.file.toString(), loc.display());
        assertNull(loc.schema());
    }

    @Test
    void aPostgresUrlTakesUserAndPasswordFromTheEnvironmentUnlessItHasThem() {
        Location env = Location.parse("jdbc:postgresql://db:5432/bench?currentSchema=perf", CREDENTIALS);
        assertEquals(Location.Kind.POSTGRESQL, env.kind);
        assertEquals("perf", env.schema());
        PGSimpleDataSource ds = (PGSimpleDataSource) env.dataSource();
        assertEquals("team", ds.getUser());
        assertEquals("s3cret", ds.getPassword());

        Location url = Location.parse("jdbc:postgresql://db/bench?user=me&password=mine", CREDENTIALS);
        PGSimpleDataSource own = (PGSimpleDataSource) url.dataSource();
        assertEquals("me", own.getUser());
        assertEquals("mine", own.getPassword());
        assertEquals("jdbc:postgresql://db/bench?user=me&password=***", url.display());
        assertNull(url.schema());
    }

    @Test
    void blankAndForeignLocationsAreRefusedWithTheFix() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> Location.parse(" ", Map.of()));
        assertTrue(blank.getMessage().contains("defaultLocation()"), blank.getMessage());
        IllegalArgumentException h2 = assertThrows(IllegalArgumentException.class,
                () -> Location.parse("jdbc:h2:mem:x", Map.of()));
        assertTrue(h2.getMessage().contains("jdbc:h2 is not supported"), h2.getMessage());
    }
}
