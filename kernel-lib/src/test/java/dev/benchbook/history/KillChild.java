package dev.benchbook.history;

/**
 * The child of {@link HistoryKillTest}: writes fixture runs into an SQLite store without end, and after
 * each commit prints {@code committed <run id> <fixture index>}. Killed from outside; never stops by itself
 * before {@code limit} runs.
 */
public final class KillChild {
    private KillChild() {}

    /** Arguments: the store's file, the first fixture index, how many runs at most. */
    public static void main(String[] args) {
        String location = args[0];
        int first = Integer.parseInt(args[1]);
        int limit = Integer.parseInt(args[2]);
        try (HistoryStore h = HistoryStore.open(location)) {
            for (int i = first; i < first + limit; i++) {
                long id = h.write(HistoryFixtures.run(i, HistoryKillTest.nanos(i)), "kill " + i);
                System.out.println("committed " + id + " " + i);
                System.out.flush();
            }
        }
    }
}
