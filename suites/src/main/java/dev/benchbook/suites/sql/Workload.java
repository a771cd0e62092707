package dev.benchbook.suites.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The transactions of the {@code sql} suite's workloads, a round at a time. A round is {@value #ROUND_SIZE}
 * transactions built so that every round sees the same data: transfers come in pairs that undo each other (so
 * balances are back where they were when the round ends, and no debit ever lacks funds: every balance starts at
 * {@value OltpDatabase#MIN_BALANCE} or more and a round debits an account at most {@value #ROUND_SIZE} times
 * {@value #MAX_TRANSFER}), range scans read only seeded orders, and inserts add orders above the seeded ids. A
 * round's checksum ({@link OltpDatabase#run}) is therefore the same in every round, in every run with the same
 * seed, and on both databases.
 */
public final class Workload {
    /** Transactions per round. */
    public static final int ROUND_SIZE = 100;
    /** The largest transfer, in cents. */
    public static final int MAX_TRANSFER = 100;
    /** The workloads {@link #round} builds, one per benchmark of the suite. */
    public static final List<String> WORKLOADS = List.of("point-select", "range-scan", "insert", "transfer", "mix");

    private Workload() {}

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

    /**
     * The round of workload {@code workload}, drawn from {@code r}: {@code point-select}, {@code range-scan},
     * {@code insert} or {@code transfer} ({@value #ROUND_SIZE} of one kind; transfers as pairs that undo each
     * other), or {@code mix}: 45 point selects, 15 range scans, 20 inserts and 20 transfers, shuffled.
     *
     * @throws IllegalArgumentException on an unknown workload or fewer than {@value OltpDatabase#MIN_ACCOUNTS} accounts
     */
    public static Tx[] round(String workload, int accounts, Random r) {
        if (accounts < OltpDatabase.MIN_ACCOUNTS) {
            throw new IllegalArgumentException("round(accounts=" + accounts + "): must be >= " + OltpDatabase.MIN_ACCOUNTS);
        }
        int[] counts = switch (workload) {
            case "point-select" -> new int[] {ROUND_SIZE, 0, 0, 0};
            case "range-scan" -> new int[] {0, ROUND_SIZE, 0, 0};
            case "insert" -> new int[] {0, 0, ROUND_SIZE, 0};
            case "transfer" -> new int[] {0, 0, 0, ROUND_SIZE};
            case "mix" -> new int[] {45, 15, 20, 20};
            default -> throw new IllegalArgumentException("workload \"" + workload + "\": must be one of " + WORKLOADS);
        };
        long orders = (long) accounts * OltpDatabase.ORDERS_PER_ACCOUNT;
        List<Tx> txs = new ArrayList<>(ROUND_SIZE);
        for (int i = 0; i < counts[0]; i++) {
            txs.add(new Tx(Kind.SELECT, 1 + r.nextInt(accounts), 0, 0));
        }
        for (int i = 0; i < counts[1]; i++) {
            txs.add(new Tx(Kind.SCAN, 1 + (long) (r.nextDouble() * (orders - OltpDatabase.SCAN_WIDTH + 1)), 0, 0));
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
}
