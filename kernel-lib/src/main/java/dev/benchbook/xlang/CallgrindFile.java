package dev.benchbook.xlang;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One callgrind output file, parsed: the profiled command, the event totals and the cost of every function.
 * The parser follows the valgrind manual's "Callgrind Format Specification": the {@code events:} and
 * {@code positions:} headers, the {@code ob=}/{@code fl=}/{@code fi=}/{@code fe=}/{@code fn=} context lines,
 * {@code cob=}/{@code cfi=}/{@code cfl=}/{@code cfn=} and {@code calls=} call lines, name compression
 * ({@code (id) name} defines an id, {@code (id)} refers to it; files, objects and functions each have their
 * own ids), relative subpositions ({@code +n}, {@code -n}, {@code *}) and {@code totals:}/{@code summary:}.
 *
 * <p>How the figures are made:
 * <ul>
 * <li><b>self</b>: the sum of a function's cost lines, inlined code ({@code fi=}/{@code fe=}) included. The
 * selves of all functions add up to {@code totals:} exactly.</li>
 * <li><b>inclusive</b>: the cost line after each {@code calls=} line is the callee's inclusive cost for those
 * calls. A function's inclusive cost is the sum of those lines from its callers, which is what
 * {@code callgrind_annotate --inclusive=yes} shows; a function nobody called (an entry point) gets its self
 * plus the costs of its calls. Calls of a function to itself are left out: their cost is already inside
 * the outer call, and {@code callgrind_annotate} adding them again is why it can show a directly recursive
 * function above 100%. Callgrind names the deeper levels of a recursion apart ({@code fib'2} for every level
 * below the outermost, by its default {@code --separate-recs=2}); they are counted as the function itself, so
 * that {@code fib} has one row whose self is all levels' and whose inclusive is what its callers paid. Mutual
 * recursion ({@code f} calls {@code g} calls {@code f}) can still count nested
 * calls twice; every inclusive figure is capped at the total.</li>
 * </ul>
 * Jump lines ({@code jump=}, {@code jcnd=}, from {@code --collect-jumps}) carry no cost and are skipped. A file
 * holds one dump (one part); the events are those named by {@code events:}.
 *
 * @param pid the profiled process ({@code pid:}), or -1 when the file does not say
 * @param command the profiled command line ({@code cmd:})
 * @param events the event names in file order, e.g. {@code Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw}
 * @param totals each event's total: {@code totals:}, else {@code summary:}, else the sum of all costs
 * @param descriptions the {@code desc:} lines, e.g. {@code I1 cache: 65536 B, 64 B, 16-way associative}
 * @param functions every function with a cost, by self instructions, highest first
 */
public record CallgrindFile(long pid, String command, List<String> events, Map<String, Long> totals,
        List<String> descriptions, List<CallgrindFunction> functions) {

    /** Callgrind's suffix for deeper recursion levels ({@code --separate-recs}, 2 by default): {@code fib'2}. */
    private static final Pattern RECURSION_LEVEL = Pattern.compile("'[0-9]+$");

    /** Sorts functions by self instructions, then inclusive, highest first, then by name. */
    static final Comparator<CallgrindFunction> BY_SELF = Comparator
            .comparingLong((CallgrindFunction f) -> -f.selfInstructions())
            .thenComparingLong(f -> -f.totalInstructions()).thenComparing(CallgrindFunction::method)
            .thenComparing(CallgrindFunction::object);

    /** The total of {@code event}, 0 when the profile did not record it. */
    public long total(String event) {
        return totals.getOrDefault(event, 0L);
    }

    /**
     * Parses a callgrind output file.
     *
     * @throws IOException when it cannot be read, or a line does not follow the format (the line number, the
     *     line and what was expected)
     */
    public static CallgrindFile parse(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Parser p = new Parser(file);
            String line;
            while ((line = in.readLine()) != null) {
                p.line(line);
            }
            return p.finish();
        }
    }

    private static final class Acc {
        final String method;
        final String file;
        final String object;
        long self;
        long incoming;
        long outgoing;
        long calls;
        boolean called;
        boolean recursive;

        Acc(String object, String file, String method) {
            this.object = object;
            this.file = file;
            this.method = method;
        }
    }

    private static final class Parser {
        private final Path path;
        private final Map<String, String> files = new HashMap<>();
        private final Map<String, String> objects = new HashMap<>();
        private final Map<String, String> fns = new HashMap<>();
        private final Map<String, Acc> accs = new LinkedHashMap<>();
        private final List<String> descriptions = new ArrayList<>();
        private List<String> events;
        private int positions = 1;
        private int ir = -1;
        private long[] sum;
        private long[] totals;
        private long[] summary;
        private long pid = -1;
        private String command = "";
        private int lineNo;
        private String current = "";
        private String object = "???";
        private String fileName = "???";
        private String posFile = "???";
        private Acc fn;
        private String calleeObject;
        private String calleeFile;
        private Acc callee;
        private long callCount = -1;

        Parser(Path path) {
            this.path = path;
        }

        void line(String raw) throws IOException {
            lineNo++;
            current = raw;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            char c = line.charAt(0);
            if (Character.isDigit(c) || c == '+' || c == '-' || c == '*') {
                cost(line);
                return;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            if (eq > 0 && (colon < 0 || eq < colon)) {
                spec(line.substring(0, eq), line.substring(eq + 1));
            } else if (colon > 0) {
                header(line.substring(0, colon), line.substring(colon + 1).strip());
            } else {
                throw bad("a cost line, a 'key=value' line or a 'header: value' line");
            }
        }

        private void header(String key, String value) throws IOException {
            switch (key) {
                case "events" -> {
                    events = List.of(value.split("\\s+"));
                    ir = events.indexOf("Ir");
                    sum = new long[events.size()];
                }
                case "positions" -> positions = value.split("\\s+").length;
                case "pid" -> pid = Long.parseLong(value);
                case "cmd" -> command = value;
                case "desc" -> descriptions.add(value);
                case "totals" -> totals = numbers(value);
                case "summary" -> summary = numbers(value);
                default -> {
                    // version, creator, part, thread, event definitions: nothing to count
                }
            }
        }

        private void spec(String key, String value) throws IOException {
            switch (key) {
                case "ob" -> object = name(objects, value);
                case "fl" -> {
                    fileName = name(files, value);
                    posFile = fileName;
                }
                case "fi", "fe" -> posFile = name(files, value);
                case "fn" -> {
                    fn = acc(object, fileName, name(fns, value));
                    posFile = fileName;
                }
                case "cob" -> calleeObject = name(objects, value);
                case "cfi", "cfl" -> calleeFile = name(files, value);
                case "cfn" -> {
                    callee = acc(calleeObject != null ? calleeObject : object,
                            calleeFile != null ? calleeFile : posFile, name(fns, value));
                    calleeObject = null;
                    calleeFile = null;
                }
                case "calls" -> {
                    if (callee == null) {
                        throw bad("a cfn= line before calls=");
                    }
                    String count = value.strip().split("\\s+")[0];
                    try {
                        callCount = Long.parseLong(count);
                    } catch (NumberFormatException e) {
                        throw bad("calls=<count> <target position>");
                    }
                }
                case "jfi" -> name(files, value);
                case "jfn" -> name(fns, value);
                default -> {
                    // jump=, jcnd=, ln= and others: no cost
                }
            }
        }

        private void cost(String line) throws IOException {
            if (events == null) {
                throw bad("an 'events:' header before the first cost line");
            }
            String[] t = line.split("\\s+");
            long[] cost = new long[events.size()];
            for (int i = positions; i < t.length && i - positions < cost.length; i++) {
                try {
                    cost[i - positions] = Long.parseLong(t[i]);
                } catch (NumberFormatException e) {
                    throw bad(positions + " position(s) then up to " + events.size() + " integer costs");
                }
            }
            if (fn == null) {
                fn = acc(object, fileName, "???");
            }
            if (callCount >= 0) {
                long c = ir >= 0 ? cost[ir] : 0;
                callee.calls += callCount;
                if (callee == fn) {
                    fn.recursive = true;
                } else {
                    callee.called = true;
                    callee.incoming += c;
                    fn.outgoing += c;
                }
                callCount = -1;
                return;
            }
            if (t.length == positions) {
                return;
            }
            fn.self += ir >= 0 ? cost[ir] : 0;
            for (int i = 0; i < cost.length; i++) {
                sum[i] += cost[i];
            }
        }

        CallgrindFile finish() throws IOException {
            if (events == null) {
                throw new IOException(path + " is not a callgrind profile: it has no 'events:' header");
            }
            if (ir < 0) {
                throw new IOException(path + ": events '" + String.join(" ", events) + "' have no Ir; run callgrind"
                        + " without --toggle-collect/--collect-atstart=no so that instructions are counted");
            }
            long[] tot = totals != null ? totals : summary != null ? summary : sum;
            Map<String, Long> byEvent = new LinkedHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                byEvent.put(events.get(i), i < tot.length ? tot[i] : 0L);
            }
            long total = byEvent.get("Ir");
            List<CallgrindFunction> out = new ArrayList<>();
            for (Acc a : accs.values()) {
                long inclusive = a.called ? a.incoming : a.self + a.outgoing;
                if (a.self == 0 && inclusive == 0) {
                    continue;
                }
                out.add(new CallgrindFunction(a.method, a.file, a.object, a.self, Math.min(total, inclusive),
                        a.calls, a.recursive));
            }
            out.sort(BY_SELF);
            return new CallgrindFile(pid, command, List.copyOf(events), Collections.unmodifiableMap(byEvent),
                    List.copyOf(descriptions), List.copyOf(out));
        }

        private Acc acc(String obj, String file, String name) {
            String method = RECURSION_LEVEL.matcher(name).replaceFirst("");
            return accs.computeIfAbsent(obj + '\u0000' + file + '\u0000' + method, k -> new Acc(obj, file, method));
        }

        private String name(Map<String, String> table, String value) throws IOException {
            String v = value.strip();
            if (!v.startsWith("(")) {
                return v;
            }
            int close = v.indexOf(')');
            if (close < 0) {
                throw bad("'(id) name' or '(id)'");
            }
            String id = v.substring(1, close);
            String rest = v.substring(close + 1).strip();
            if (!rest.isEmpty()) {
                table.put(id, rest);
                return rest;
            }
            String known = table.get(id);
            if (known == null) {
                throw bad("the name of id (" + id + ") defined before its first use");
            }
            return known;
        }

        private long[] numbers(String value) throws IOException {
            String[] t = value.split("\\s+");
            long[] n = new long[t.length];
            for (int i = 0; i < t.length; i++) {
                try {
                    n[i] = Long.parseLong(t[i]);
                } catch (NumberFormatException e) {
                    throw bad("one integer per event");
                }
            }
            return n;
        }

        private IOException bad(String expected) {
            String line = current.strip();
            return new IOException(path + " line " + lineNo + ": '" + (line.length() > 120 ? line.substring(0, 120)
                    + "..." : line) + "' does not follow the callgrind format; expected " + expected);
        }
    }
}
