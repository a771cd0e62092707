package dev.benchbook.suites.sql;

import dev.benchbook.Bench;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.util.Arrays;
import java.util.Random;

/**
 * An OLTP-like workload over JDBC on a seeded accounts-and-orders schema ({@link OltpDatabase}): one operation
 * is a round of {@value OltpDatabase#ROUND_SIZE} transactions, each committed on its own. {@code point-select}
 * reads accounts by primary key, {@code range-scan} reads {@value OltpDatabase#SCAN_WIDTH} orders by an id
 * range, {@code insert} adds orders, {@code transfer} moves money between two accounts in one transaction
 * (a checked debit, then a credit), and {@code mix} blends them (45% selects, 15% scans, 20% inserts, 20%
 * transfers). Every benchmark gets a freshly seeded database of its own; its teardown checks the row counts and
 * the total balance against what the rounds committed, and fails the run if they differ.
 *
 * <p>Each round reports, with {@code ctx.metric}, its transactions' wall-time percentiles ({@code tx_p50_ns},
 * {@code tx_p90_ns}, {@code tx_p99_ns}: nearest rank over the round's transactions, the iteration's figure the
 * mean over its rounds) and its throughput ({@code tx_per_s}). The output is the round's checksum, the same in
 * every round and on both databases: the rows and rounds come from the suite seed and {@code accounts} alone.
 *
 * <p>Params: {@code database} ({@code h2}: embedded, in memory; {@code postgresql}: the server of
 * {@link OltpDatabase#postgresUrl()}, over TCP, with the server's own durability settings) and {@code accounts}
 * (the seeded size; orders are four times as many). Where no PostgreSQL server is reachable, the
 * {@code postgresql} runs fail at setup with a {@link DatabaseUnavailableException} whose message starts with
 * {@code unsupported:} and says how to start one; the {@code h2} runs are not affected.
 */
public final class SqlSuite implements SuiteFactory {
    /** A benchmark's database and its round, with room for the round's latencies. */
    record State(OltpDatabase db, OltpDatabase.Tx[] round, long[] latencies, long[] sorted) {}

    @Override
    public SuiteSpec create() {
        var s = Bench.suite("sql")
                .description("OLTP over JDBC: point selects, range scans, inserts, transfers and their mix, on H2 "
                        + "and PostgreSQL")
                .param("database", OltpDatabase.H2, OltpDatabase.POSTGRESQL)
                .param("accounts", 1_000, 10_000)
                .setup(SqlSuite::state);
        for (String w : OltpDatabase.WORKLOADS) {
            s.benchmarkLong(w, SqlSuite::round);
        }
        return s.teardown((ctx, st) -> {
                    try {
                        st.db().verify();
                    } finally {
                        st.db().close();
                    }
                })
                .baseline("point-select")
                .build();
    }

    static State state(BenchContext ctx) throws Exception {
        int accounts = ctx.intParam("accounts");
        // Data from the seed and the size alone (not the database), so both databases hold the same rows.
        Random r = new Random(ctx.seed() ^ (accounts * 0x9E3779B97F4A7C15L));
        OltpDatabase db = OltpDatabase.open(ctx.stringParam("database"), accounts, r);
        OltpDatabase.Tx[] round = OltpDatabase.round(ctx.benchmark(), accounts, r);
        return new State(db, round, new long[round.length], new long[round.length]);
    }

    static long round(BenchContext ctx, State s) throws Exception {
        long start = System.nanoTime();
        long checksum = s.db().run(s.round(), s.latencies());
        long elapsed = System.nanoTime() - start;
        long[] sorted = s.sorted();
        System.arraycopy(s.latencies(), 0, sorted, 0, sorted.length);
        Arrays.sort(sorted);
        ctx.metric("tx_p50_ns", rank(sorted, 0.50));
        ctx.metric("tx_p90_ns", rank(sorted, 0.90));
        ctx.metric("tx_p99_ns", rank(sorted, 0.99));
        ctx.metric("tx_per_s", sorted.length * 1e9 / elapsed);
        return checksum;
    }

    /** The nearest-rank {@code q} quantile of a sorted, non-empty array. */
    static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
