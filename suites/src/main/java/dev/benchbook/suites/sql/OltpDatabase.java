package dev.benchbook.suites.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database under test of the {@code sql} suite: one JDBC connection to a freshly seeded accounts-and-orders
 * schema, and the transactions of its workload.
 *
 * <p>Schema: {@code accounts(id, owner, balance)} and {@code orders(id, account_id, amount, status)} with an
 * index on {@code orders.account_id}; {@code accounts} rows, {@value #ORDERS_PER_ACCOUNT} orders per account,
 * all drawn from the given seeded {@link Random}. H2 runs embedded and in memory (a database of its own per
 * instance, gone when it closes); PostgreSQL gets a schema of its own, dropped when it closes, on the server
 * that {@value #PG_PROPERTY} (system property) or {@value #PG_ENV} (environment) names, by default the test
 * server {@code bash scripts/setup.sh postgresql} starts ({@value #PG_DEFAULT_URL}). Drivers are called directly,
 * not through {@code DriverManager}, so the suite works from a notebook's class loader.
 *
 * <p>A round is {@value #ROUND_SIZE} transactions, each committed on its own, reads included. It is built so
 * that every round sees the same data: transfers come in pairs that undo each other (so balances are back where
 * they were when the round ends, and no debit ever lacks funds: every balance starts at {@value #MIN_BALANCE}
 * or more and a round debits an account at most {@value #ROUND_SIZE} times {@value #MAX_TRANSFER}), range scans
 * read only seeded orders, and inserts add orders above the seeded ids. A round's checksum over what it read and
 * how many rows each statement changed is therefore the same in every round, in every run with the same seed,
 * and on both databases.
 */
public final class OltpDatabase implements AutoCloseable {
    /** The {@code database} param's value for embedded, in-memory H2. */
    public static final String H2 = "h2";
    /** The {@code database} param's value for a PostgreSQL server. */
    public static final String POSTGRESQL = "postgresql";
    /** The environment variable with the PostgreSQL server's JDBC URL. */
    public static final String PG_ENV = "BENCHBOOK_SQL_PG";
    /** The system property with the PostgreSQL server's JDBC URL; it wins over {@value #PG_ENV}. */
    public static final String PG_PROPERTY = "benchbook.sql.postgresql";
    /** The server {@code bash scripts/setup.sh postgresql} starts, used when neither of the two is set. */
    public static final String PG_DEFAULT_URL =
            "jdbc:postgresql://localhost:5432/benchbook_test?user=benchbook&password=benchbook";
    /** Transactions per round. */
    public static final int ROUND_SIZE = 100;
    /** Seeded orders per account. */
    public static final int ORDERS_PER_ACCOUNT = 4;
    /** Orders per range scan: consecutive ids. */
    public static final int SCAN_WIDTH = 20;
    /** The fewest accounts a database may have. */
    public static final int MIN_ACCOUNTS = 10;
    /** The lowest seeded balance, in cents. */
    public static final long MIN_BALANCE = 10_000;
    /** The largest transfer, in cents. */
    public static final int MAX_TRANSFER = 100;
    /** The workloads {@link #round} builds, one per benchmark of the suite. */
    public static final List<String> WORKLOADS = List.of("point-select", "range-scan", "insert", "transfer", "mix");

    private static final AtomicLong H2_NAMES = new AtomicLong();
    private static final String[] FIRST = {"Ada", "Brook", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo",
        "Jule", "Kemal", "Lena", "Mira", "Noor", "Otto", "Pia"};
    private static final String[] LAST = {"Almeida", "Berg", "Costa", "Dumont", "Eriksen", "Fischer", "Garcia",
        "Horvat", "Ilic", "Jansen", "Kowalski", "Laine", "Moreau", "Novak", "Ortiz", "Petrov"};
    private static final String[] STATUS = {"placed", "paid", "shipped", "delivered"};

    /** What a transaction does. */
    public enum Kind {
        /** Reads one account by primary key. */
        SELECT,
        /** Reads {@value OltpDatabase#SCAN_WIDTH} orders by a primary-key range. */
        SCAN,
        /** Debits one account (if it has the funds) and credits another, in one transaction. */
        TRANSFER,
        /** Inserts one order. */
        INSERT
    }

    /**
     * One transaction of a round.
     *
     * @param kind what it does
     * @param a the account read, debited or ordering; for a scan, the first order id
     * @param b the account credited by a transfer, else 0
     * @param amount the cents moved or ordered, else 0
     */
    public record Tx(Kind kind, long a, long b, long amount) {}

    private final String database;
    private final Connection conn;
    private final String schema;
    private final int accounts;
    private final long seededOrders;
    private long seededBalance;
    private long nextOrderId;
    private long inserted;
    private PreparedStatement select;
    private PreparedStatement scan;
    private PreparedStatement debit;
    private PreparedStatement credit;
    private PreparedStatement insert;

    private OltpDatabase(String database, Connection conn, String schema, int accounts) {
        this.database = database;
        this.conn = conn;
        this.schema = schema;
        this.accounts = accounts;
        this.seededOrders = (long) accounts * ORDERS_PER_ACCOUNT;
        this.nextOrderId = seededOrders + 1;
    }

    /**
     * Creates the schema in a fresh database of kind {@code database} and seeds it from {@code random}.
     *
     * @param database {@value #H2} or {@value #POSTGRESQL}
     * @param accounts how many accounts, at least {@value #MIN_ACCOUNTS}
     * @throws DatabaseUnavailableException when PostgreSQL is asked for and cannot be reached
     * @throws IllegalArgumentException on an unknown database or too few accounts
     */
    public static OltpDatabase open(String database, int accounts, Random random) throws SQLException {
        if (accounts < MIN_ACCOUNTS) {
            throw new IllegalArgumentException("param accounts=" + accounts + ": must be >= " + MIN_ACCOUNTS
                    + ", so that transfers have two distinct accounts and scans a full range; use e.g. 1000");
        }
        Connection c = connect(database);
        String schema = database.equals(POSTGRESQL)
                ? "benchbook_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) : null;
        OltpDatabase db = new OltpDatabase(database, c, schema, accounts);
        try {
            db.create(random);
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Why {@code database} cannot be used here, or empty when it can: tries to connect and closes at once.
     *
     * @throws IllegalArgumentException on an unknown database
     */
    public static Optional<String> unavailable(String database) {
        try (Connection c = connect(database)) {
            return Optional.empty();
        } catch (DatabaseUnavailableException e) {
            return Optional.of(e.getMessage());
        } catch (SQLException e) {
            return Optional.of("unsupported: " + e.getMessage());
        }
    }

    /** The PostgreSQL URL in use: {@value #PG_PROPERTY}, else {@value #PG_ENV}, else {@value #PG_DEFAULT_URL}. */
    public static String postgresUrl() {
        String url = System.getProperty(PG_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(PG_ENV);
        }
        return url == null || url.isBlank() ? PG_DEFAULT_URL : url.trim();
    }

    /** {@code url} with its password replaced by {@code ***}, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static Connection connect(String database) throws SQLException {
        switch (database) {
            case H2 -> {
                return new org.h2.Driver().connect("jdbc:h2:mem:benchbook_sql_" + H2_NAMES.incrementAndGet(),
                        new Properties());
            }
            case POSTGRESQL -> {
                String url = postgresUrl();
                if (!url.startsWith("jdbc:postgresql:")) {
                    throw new IllegalArgumentException(PG_PROPERTY + "/" + PG_ENV + "=\"" + redact(url) + "\": must "
                            + "be a jdbc:postgresql://host:port/database URL, e.g. " + PG_DEFAULT_URL);
                }
                Properties p = new Properties();
                p.setProperty("connectTimeout", "5");
                p.setProperty("reWriteBatchedInserts", "true");
                try {
                    return new org.postgresql.Driver().connect(url, p);
                } catch (SQLException e) {
                    throw new DatabaseUnavailableException("unsupported: PostgreSQL is not reachable at "
                            + redact(url) + " (" + e.getMessage() + "); start the test server with `bash "
                            + "scripts/setup.sh postgresql` (as root), point " + PG_ENV + " at a server, or run "
                            + "database=h2 alone (.paramValues(\"database\", \"h2\"), --param database=h2)", e);
                }
            }
            default -> throw new IllegalArgumentException("param database=\"" + database + "\": must be " + H2
                    + " or " + POSTGRESQL);
        }
    }

    private void create(Random r) throws SQLException {
        try (Statement s = conn.createStatement()) {
            if (schema != null) {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("SET search_path TO " + schema);
            }
            s.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(40) NOT NULL, "
                    + "balance BIGINT NOT NULL)");
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES accounts (id), "
                    + "amount BIGINT NOT NULL, status VARCHAR(12) NOT NULL)");
            s.execute("CREATE INDEX orders_account ON orders (account_id)");
        }
        conn.setAutoCommit(false);
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO accounts (id, owner, balance) VALUES (?, ?, ?)")) {
            for (int id = 1; id <= accounts; id++) {
                long balance = MIN_BALANCE + r.nextInt(90_000);
                seededBalance += balance;
                p.setLong(1, id);
                p.setString(2, FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)]);
                p.setLong(3, balance);
                p.addBatch();
                if (id % 1_000 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        try (PreparedStatement p = conn.prepareStatement(
                "INSERT INTO orders (id, account_id, amount, status) VALUES (?, ?, ?, ?)")) {
            for (long id = 1; id <= seededOrders; id++) {
                p.setLong(1, id);
                p.setLong(2, 1 + r.nextInt(accounts));
                p.setLong(3, 100 + r.nextInt(50_000));
                p.setString(4, STATUS[r.nextInt(STATUS.length)]);
                p.addBatch();
                if (id % 1_000 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        conn.commit();
        try (Statement s = conn.createStatement()) {
            s.execute("ANALYZE");
        }
        conn.commit();
        select = conn.prepareStatement("SELECT owner, balance FROM accounts WHERE id = ?");
        scan = conn.prepareStatement("SELECT id, account_id, amount FROM orders WHERE id BETWEEN ? AND ? ORDER BY id");
        debit = conn.prepareStatement("UPDATE accounts SET balance = balance - ? WHERE id = ? AND balance >= ?");
        credit = conn.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?");
        insert = conn.prepareStatement("INSERT INTO orders (id, account_id, amount, status) VALUES (?, ?, ?, 'placed')");
    }

    /**
     * The round of workload {@code workload}, drawn from {@code r}: {@code point-select}, {@code range-scan},
     * {@code insert} or {@code transfer} ({@value #ROUND_SIZE} of one kind; transfers as pairs that undo each
     * other), or {@code mix}: 45 point selects, 15 range scans, 20 inserts and 20 transfers, shuffled.
     *
     * @throws IllegalArgumentException on an unknown workload or fewer than {@value #MIN_ACCOUNTS} accounts
     */
    public static Tx[] round(String workload, int accounts, Random r) {
        if (accounts < MIN_ACCOUNTS) {
            throw new IllegalArgumentException("round(accounts=" + accounts + "): must be >= " + MIN_ACCOUNTS);
        }
        int[] counts = switch (workload) {
            case "point-select" -> new int[] {ROUND_SIZE, 0, 0, 0};
            case "range-scan" -> new int[] {0, ROUND_SIZE, 0, 0};
            case "insert" -> new int[] {0, 0, ROUND_SIZE, 0};
            case "transfer" -> new int[] {0, 0, 0, ROUND_SIZE};
            case "mix" -> new int[] {45, 15, 20, 20};
            default -> throw new IllegalArgumentException("workload \"" + workload + "\": must be one of " + WORKLOADS);
        };
        long orders = (long) accounts * ORDERS_PER_ACCOUNT;
        List<Tx> txs = new ArrayList<>(ROUND_SIZE);
        for (int i = 0; i < counts[0]; i++) {
            txs.add(new Tx(Kind.SELECT, 1 + r.nextInt(accounts), 0, 0));
        }
        for (int i = 0; i < counts[1]; i++) {
            txs.add(new Tx(Kind.SCAN, 1 + (long) (r.nextDouble() * (orders - SCAN_WIDTH + 1)), 0, 0));
        }
        for (int i = 0; i < counts[2]; i++) {
            txs.add(new Tx(Kind.INSERT, 1 + r.nextInt(accounts), 0, 100 + r.nextInt(50_000)));
        }
        for (int i = 0; i < counts[3] / 2; i++) {
            long a = 1 + r.nextInt(accounts);
            long b = 1 + r.nextInt(accounts - 1);
            b = b >= a ? b + 1 : b;
            long amount = 1 + r.nextInt(MAX_TRANSFER);
            txs.add(new Tx(Kind.TRANSFER, a, b, amount));
            txs.add(new Tx(Kind.TRANSFER, b, a, amount));
        }
        Collections.shuffle(txs, r);
        return txs.toArray(new Tx[0]);
    }

    /**
     * Runs every transaction of {@code round} in order, each committed on its own, and puts each one's wall
     * time in {@code latenciesNs}.
     *
     * @return the round's checksum over the values read and the rows changed
     * @throws SQLException when a statement fails; its transaction is rolled back first
     */
    public long run(Tx[] round, long[] latenciesNs) throws SQLException {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < round.length; i++) {
            long start = System.nanoTime();
            h = execute(round[i], h);
            latenciesNs[i] = System.nanoTime() - start;
        }
        return h;
    }

    private long execute(Tx t, long h) throws SQLException {
        try {
            switch (t.kind()) {
                case SELECT -> {
                    select.setLong(1, t.a());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            h = mix(mix(h, rs.getString(1)), rs.getLong(2));
                        }
                    }
                }
                case SCAN -> {
                    scan.setLong(1, t.a());
                    scan.setLong(2, t.a() + SCAN_WIDTH - 1);
                    try (ResultSet rs = scan.executeQuery()) {
                        while (rs.next()) {
                            h = mix(mix(mix(h, rs.getLong(1)), rs.getLong(2)), rs.getLong(3));
                        }
                    }
                }
                case TRANSFER -> {
                    debit.setLong(1, t.amount());
                    debit.setLong(2, t.a());
                    debit.setLong(3, t.amount());
                    int debited = debit.executeUpdate();
                    int credited = 0;
                    if (debited == 1) {
                        credit.setLong(1, t.amount());
                        credit.setLong(2, t.b());
                        credited = credit.executeUpdate();
                    }
                    if (debited != 1 || credited != 1) {
                        conn.rollback();
                        return mix(mix(h, debited), credited);
                    }
                    h = mix(mix(h, debited), credited);
                }
                case INSERT -> {
                    insert.setLong(1, nextOrderId);
                    insert.setLong(2, t.a());
                    insert.setLong(3, t.amount());
                    h = mix(h, insert.executeUpdate());
                }
            }
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        }
        if (t.kind() == Kind.INSERT) {
            nextOrderId++;
            inserted++;
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return mix(h, s.length());
    }

    /** {@value #H2} or {@value #POSTGRESQL}. */
    public String database() {
        return database;
    }

    /** The rows of table {@code accounts} or {@code orders}, counted by the database. */
    public long rows(String table) throws SQLException {
        if (!table.equals("accounts") && !table.equals("orders")) {
            throw new IllegalArgumentException("rows(\"" + table + "\"): must be accounts or orders");
        }
        return single("SELECT count(*) FROM " + table);
    }

    /** The sum of all balances, by the database; transfers keep it at {@link #seededBalance()}. */
    public long totalBalance() throws SQLException {
        return single("SELECT sum(balance) FROM accounts");
    }

    /** The sum of the seeded balances. */
    public long seededBalance() {
        return seededBalance;
    }

    /** The seeded orders. */
    public long seededOrders() {
        return seededOrders;
    }

    /** The orders inserted and committed since seeding. */
    public long inserted() {
        return inserted;
    }

    private long single(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            conn.commit();
            return v;
        }
    }

    /**
     * Checks the database against what the rounds did: the seeded accounts, the seeded orders plus every
     * committed insert, and the seeded total balance.
     *
     * @throws IllegalStateException naming the first count that differs
     */
    public void verify() throws SQLException {
        check("accounts rows", accounts, rows("accounts"));
        check("orders rows (seeded " + seededOrders + " + inserted " + inserted + ")", seededOrders + inserted,
                rows("orders"));
        check("total balance", seededBalance, totalBalance());
    }

    private void check(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s after the run: %s is %d, expected %d; "
                    + "the database lost or duplicated committed work", database, what, actual, expected));
        }
    }

    /** Drops the PostgreSQL schema (H2's in-memory database goes with its connection) and closes. */
    @Override
    public void close() throws SQLException {
        try {
            if (schema != null && !conn.isClosed()) {
                if (!conn.getAutoCommit()) {
                    conn.rollback();
                }
                try (Statement s = conn.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
                conn.commit();
            }
        } finally {
            conn.close();
        }
    }
}
