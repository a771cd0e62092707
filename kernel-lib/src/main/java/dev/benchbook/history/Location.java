package dev.benchbook.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Where a store lives: an SQLite file, or a PostgreSQL database given by its JDBC URL. Knows how to
 * connect to it and how to name it in messages (a URL's password is never shown).
 */
final class Location {
    /** How long an SQLite writer waits for another writer's transaction before giving up, in ms. */
    static final int BUSY_TIMEOUT_MS = 30_000;
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&]password=)[^&]*");
    private static final Pattern SCHEMA = Pattern.compile("(?i)[?&]currentSchema=([^&]*)");

    enum Kind { SQLITE, POSTGRESQL }

    final Kind kind;
    /** The SQLite file, or null. */
    final Path file;
    /** The JDBC URL as given (PostgreSQL), or the SQLite URL. */
    final String url;
    private final String user;
    private final String password;

    private Location(Kind kind, Path file, String url, String user, String password) {
        this.kind = kind;
        this.file = file;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Parses a location; see {@link HistoryStore#open(String)}. */
    static Location parse(String location, Map<String, String> env) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("history location \"" + location + "\": must be a file path or a "
                    + "jdbc:postgresql:// URL; use HistoryStore.defaultLocation() for the project's store");
        }
        String s = location.strip();
        if (s.startsWith(POSTGRES_PREFIX)) {
            String user = blankToNull(env.get(HistoryStore.ENV + "_USER"));
            String password = blankToNull(env.get(HistoryStore.ENV + "_PASSWORD"));
            return new Location(Kind.POSTGRESQL, null, s, user, password);
        }
        if (s.startsWith("jdbc:")) {
            String scheme = s.substring(0, s.indexOf(':', 5) < 0 ? s.length() : s.indexOf(':', 5));
            throw new IllegalArgumentException("history location " + redact(s) + ": " + scheme + " is not supported;"
                    + " give a file path (SQLite) or a jdbc:postgresql://host:port/database URL");
        }
        Path file = Path.of(s).toAbsolutePath().normalize();
        return new Location(Kind.SQLITE, file, "jdbc:sqlite:" + file, null, null);
    }

    /** The store as messages name it: the file, or the URL without its password. */
    String display() {
        return kind == Kind.SQLITE ? file.toString() : redact(url);
    }

    /** The PostgreSQL schema the URL names ({@code currentSchema=}), or null for the server's default. */
    String schema() {
        if (kind != Kind.POSTGRESQL) {
            return null;
        }
        Matcher m = SCHEMA.matcher(url);
        return m.find() && !m.group(1).isBlank() ? m.group(1).split(",")[0] : null;
    }

    /**
     * A data source for this store. SQLite connections run in WAL mode, so readers never block the one
     * writer and a killed writer leaves the last committed state; with synchronous=FULL, because a commit
     * comes once per benchmark run (seconds to minutes of measuring), so the fsync it costs is nothing
     * beside it, and a run reported stored then survives a power cut too, not only a killed process
     * (NORMAL would keep the file consistent but could lose the last commits). busy_timeout lets
     * concurrent writers queue instead of failing. Write transactions begin IMMEDIATE: they take the
     * write lock up front, so two writers never deadlock upgrading a read.
     */
    DataSource dataSource() {
        if (kind == Kind.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.enforceForeignKeys(true);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(url);
            return ds;
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        if (user != null && !url.matches("(?i).*[?&]user=.*")) {
            ds.setUser(user);
        }
        if (password != null && !url.matches("(?i).*[?&]password=.*")) {
            ds.setPassword(password);
        }
        return ds;
    }

    /** Checks, before any driver touches it, that an existing SQLite file is an SQLite database. */
    void checkFile() {
        if (kind != Kind.SQLITE) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new HistoryException(display(), "cannot create its folder " + file.getParent() + " (" + e
                    + "); choose a writable location with " + HistoryStore.ENV + " or HistoryStore.open(path)", e);
        }
        if (Files.isDirectory(file)) {
            throw new HistoryException(display(), "is a folder, not a file; name a file in it, e.g. "
                    + file.resolve("history.db"));
        }
        if (!Files.exists(file)) {
            return;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new HistoryException(display(), "cannot be read (" + e + "); check its permissions", e);
        }
        if (n > 0 && (n < head.length || !Arrays.equals(head, SQLITE_HEADER))) {
            throw new HistoryException(display(), "is not an SQLite database (its first bytes are not \"SQLite "
                    + "format 3\"), so it is no history store; move it away, or point " + HistoryStore.ENV
                    + " or HistoryStore.open(...) at another file");
        }
    }

    /** Opens a connection, with a message that says how to reach the server when it fails. */
    Connection connect(DataSource ds) {
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            throw cannotConnect(e);
        }
    }

    HistoryException cannotConnect(SQLException e) {
        if (kind == Kind.SQLITE) {
            return new HistoryException(display(), "cannot be opened: " + e.getMessage()
                    + "; check that the file and its folder are writable", e);
        }
        return new HistoryException(display(), "cannot connect: " + e.getMessage() + "; check that the PostgreSQL "
                + "server runs (on this machine: bash scripts/setup.sh postgresql), and the URL, user and password ("
                + "in the URL or in " + HistoryStore.ENV + "_USER and " + HistoryStore.ENV + "_PASSWORD)", e);
    }

    static String redact(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
