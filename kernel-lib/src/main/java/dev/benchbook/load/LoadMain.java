package dev.benchbook.load;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A command line for scripts ({@code scripts/bench-load.sh}):
 * <pre>
 * LoadMain run   --uri U --rate R [--seconds S] [--warmup S] [--connections C] [--pid P] [--closed]
 * LoadMain sweep --uri U --rates R1,R2,... [--seconds S] [--warmup S] [--connections C] [--pid P]
 * </pre>
 * {@code run} prints the summary as {@code name=value} lines; {@code sweep} prints one summary per rate,
 * {@code knee=...} and {@code knee_rule=...}. Exit codes: 0 done, 1 failed, 2 bad arguments. The servers to aim
 * at are served in their own JVM by the suites module's {@code ServeMain}.
 */
public final class LoadMain {
    private LoadMain() {}

    /** Runs the command in {@code args}; see the class doc. */
    public static void main(String[] args) {
        if (args.length == 0) {
            usage("no command");
        }
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        try {
            switch (args[0]) {
                case "run" -> {
                    LoadResult r = load(o).run();
                    print(r.summary(), 0);
                    Table e = r.errors();
                    for (int i = 0; i < e.rowCount(); i++) {
                        System.out.println("error." + e.getString(i, "kind").replace(' ', '_') + "=" + e.getString(i, "count"));
                    }
                    r.notes().forEach(n -> System.out.println("note=" + n));
                }
                case "sweep" -> {
                    double[] rates = Arrays.stream(need(o, "rates").split(",")).mapToDouble(Double::parseDouble).toArray();
                    SweepResult s = load(o).sweep(rates);
                    Table t = s.table();
                    for (int i = 0; i < t.rowCount(); i++) {
                        print(t, i);
                        System.out.println();
                    }
                    Knee k = s.knee();
                    System.out.println("knee=" + k.rps());
                    System.out.println("knee_rule=" + k);
                }
                default -> usage("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("load: " + e);
            System.exit(1);
        }
    }

    private static Load load(Map<String, String> o) {
        Load l = Load.http(URI.create(need(o, "uri")))
                .duration(Duration.ofMillis((long) (1000 * Double.parseDouble(o.getOrDefault("seconds", "5")))))
                .warmup(Duration.ofMillis((long) (1000 * Double.parseDouble(o.getOrDefault("warmup", "1")))))
                .connections(Integer.parseInt(o.getOrDefault("connections", "8")));
        if (o.containsKey("rate")) {
            l.rate(Double.parseDouble(o.get("rate")));
        }
        if (o.containsKey("pid")) {
            l.server(Long.parseLong(o.get("pid")));
        }
        if (o.containsKey("closed")) {
            l.closedLoop();
        }
        return l;
    }

    private static void print(Table t, int row) {
        for (var c : t.columns()) {
            System.out.println(c.name() + "=" + c.getString(row));
        }
    }

    private static String need(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            usage("--" + key + " is required");
        }
        return v;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("closed")) {
                o.put(key, "true");
            } else if (i + 1 < args.length) {
                o.put(key, args[++i]);
            } else {
                usage("--" + key + " needs a value");
            }
        }
        return o;
    }

    private static void usage(String problem) {
        System.err.println("load: " + problem + "\nusage: LoadMain serve [--port N] [--threads N] [--work-us N] "
                + "[--seconds N]\n       LoadMain run --uri U --rate R [--seconds S] [--warmup S] [--connections C] "
                + "[--pid P] [--closed]\n       LoadMain sweep --uri U --rates R1,R2,... [--seconds S] [--warmup S] "
                + "[--connections C] [--pid P]");
        System.exit(2);
    }
}
