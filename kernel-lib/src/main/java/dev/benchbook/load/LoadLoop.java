package dev.benchbook.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ConnectException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The event loop of one run: one thread (the caller's) drives every connection through one NIO selector,
 * sends requests when the schedule says, parses responses and records them. A {@link WakeTimer} wakes the
 * selector at the next send time, so the loop blocks in {@code select} (and sees responses the moment they
 * arrive) yet sends on time to within the timer's resolution (tens of microseconds). Connections are opened
 * before the schedule starts and reopened on demand after any failure; the request that reopens one fails
 * with the connection's error when it cannot be opened.
 */
final class LoadLoop {
    private static final int CLOSED = 0;
    private static final int CONNECTING = 1;
    private static final int OPEN = 2;
    /** How often outstanding requests are checked against the timeout. */
    private static final long TIMEOUT_TICK_NS = 10_000_000L;
    /** A backstop for the selector's sleep, should a wake-up be missed. */
    private static final long MAX_SLEEP_MS = 100;

    /** One keep-alive connection and its outstanding requests, oldest first. */
    private final class Conn {
        final int id;
        SocketChannel ch;
        SelectionKey key;
        int state = CLOSED;
        final long[] scheduled;
        final long[] sent;
        final boolean[] measured;
        int head;
        int count;
        final ByteBuffer out;
        final ResponseParser parser = new ResponseParser();
        boolean idle;
        long freeAt;
        long nextAt;
        long lastSent;

        Conn(int id) {
            this.id = id;
            scheduled = new long[plan.maxInFlight()];
            sent = new long[plan.maxInFlight()];
            measured = new boolean[plan.maxInFlight()];
            out = ByteBuffer.allocate(plan.request().length * plan.maxInFlight());
        }
    }

    private final LoadPlan plan;
    private final Conn[] conns;
    private final ArrayDeque<Conn> idle = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Set<String> notes = new LinkedHashSet<>();
    private Selector selector;
    private Recording rec;
    private long t0;
    private int outstanding;
    private WakeTimer timer;
    private long timerCpuNs;
    private long loopCpuNs;
    private long wallNs;

    LoadLoop(LoadPlan plan) {
        this.plan = plan;
        this.conns = new Conn[plan.connections()];
        for (int i = 0; i < conns.length; i++) {
            conns[i] = new Conn(i);
        }
    }

    /** Notes the run made: connection failures, first messages of error kinds. */
    List<String> notes() {
        return new ArrayList<>(notes);
    }

    /** CPU of the generator's two threads over the run, as percent of one core. */
    double clientCpuPercent() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() && wallNs > 0 ? 100.0 * (loopCpuNs + timerCpuNs) / wallNs : Double.NaN;
    }

    /** The nanoTime at which the schedule started. */
    long startNanos() {
        return t0;
    }

    /** Runs the plan on the calling thread and returns what it recorded. */
    Recording run(ServerSampler sampler) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
        selector = Selector.open();
        timer = new WakeTimer(selector);
        try {
            preconnect();
            t0 = System.nanoTime();
            long wall0 = t0;
            Schedule schedule = new Schedule(plan.fromRate(), plan.warmupNs(), plan.fromRate(), plan.toRate(),
                    plan.durationNs());
            rec = new Recording(plan.openModel(), t0 + schedule.measuredStartNs(), t0 + schedule.measuredEndNs());
            if (sampler != null) {
                sampler.start(t0 + schedule.measuredStartNs(), t0 + schedule.measuredEndNs());
            }
            loop(schedule);
            wallNs = System.nanoTime() - wall0;
            return rec;
        } finally {
            for (Conn c : conns) {
                closeQuietly(c);
            }
            timer.close();
            timerCpuNs = timer.cpuNanos();
            selector.close();
            if (cpu) {
                loopCpuNs = mx.getCurrentThreadCpuTime() - cpu0;
            }
        }
    }

    private void loop(Schedule schedule) throws IOException {
        long end = t0 + schedule.measuredEndNs();
        long hardDeadline = end + plan.timeoutNs() + 1_000_000_000L;
        long perConnInterval = plan.openModel() || plan.fromRate() <= 0 ? 0
                : (long) (plan.connections() * 1e9 / plan.fromRate());
        for (Conn c : conns) {
            c.freeAt = t0;
            c.nextAt = t0 + (plan.fromRate() > 0 && !plan.openModel() ? (long) (c.id * 1e9 / plan.fromRate()) : 0);
        }
        long nextTimeoutCheck = t0 + TIMEOUT_TICK_NS;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the load run was interrupted");
            }
            long now = System.nanoTime();
            long wake;
            if (plan.openModel()) {
                wake = dispatchOpen(schedule, now);
                if (schedule.next() < 0 && outstanding == 0) {
                    return;
                }
            } else {
                wake = dispatchClosed(now, end, perConnInterval);
                if (now >= end && outstanding == 0) {
                    return;
                }
            }
            if (now >= nextTimeoutCheck) {
                checkTimeouts(now);
                nextTimeoutCheck = now + TIMEOUT_TICK_NS;
            }
            if (now >= hardDeadline) {
                for (Conn c : conns) {
                    fail(c, ErrorKind.TIMEOUT, "no response within the run's deadline");
                }
                while (plan.openModel() && schedule.next() >= 0) {
                    long s = t0 + schedule.next();
                    if (rec.measured(s)) {
                        rec.scheduled(s);
                        rec.dropped(s);
                    }
                    schedule.advance();
                }
                return;
            }
            wake = Math.min(wake, Math.min(nextTimeoutCheck, hardDeadline));
            waitFor(wake);
            long ready = System.nanoTime();
            for (SelectionKey k : selector.selectedKeys()) {
                Conn c = (Conn) k.attachment();
                if (!k.isValid()) {
                    continue;
                }
                if (k.isConnectable()) {
                    finishConnect(c, ready);
                } else {
                    if (k.isWritable()) {
                        flush(c);
                    }
                    if (k.isValid() && k.isReadable()) {
                        read(c, ready);
                    }
                }
            }
            selector.selectedKeys().clear();
        }
    }

    /** Sends what is due; returns when the loop must look again (a nanoTime), MAX_VALUE for "on I/O only". */
    private long dispatchOpen(Schedule schedule, long now) {
        while (schedule.next() >= 0) {
            long s = t0 + schedule.next();
            if (s > now) {
                return s;
            }
            boolean m = rec.measured(s);
            if (now - s > plan.dropAfterNs()) {
                if (m) {
                    rec.scheduled(s);
                    rec.dropped(s);
                }
                schedule.advance();
                continue;
            }
            Conn c = idle.peekFirst();
            if (c == null) {
                // all connections are full: the request waits, and is dropped once dropAfter late
                return s + plan.dropAfterNs() + 1;
            }
            if (m) {
                rec.scheduled(s);
            }
            send(c, s, m, System.nanoTime());
            schedule.advance();
        }
        return Long.MAX_VALUE;
    }

    private long dispatchClosed(long now, long end, long interval) {
        long wake = Long.MAX_VALUE;
        for (Conn c : conns) {
            if (c.count > 0 || now >= end) {
                continue;
            }
            if (c.nextAt > now) {
                wake = Math.min(wake, c.nextAt);
                continue;
            }
            long t = System.nanoTime();
            boolean m = rec.measured(t);
            if (m) {
                rec.scheduled(t);
            }
            long slot = c.nextAt;
            c.lastSent = t;
            c.nextAt = t + interval;
            send(c, slot, m, t);
        }
        return wake;
    }

    private void send(Conn c, long scheduled, boolean measured, long now) {
        int slot = (c.head + c.count) % c.scheduled.length;
        c.scheduled[slot] = scheduled;
        c.sent[slot] = now;
        c.measured[slot] = measured;
        c.count++;
        outstanding++;
        if (measured) {
            rec.sent(scheduled, c.freeAt, now);
        }
        if (c.count == c.scheduled.length) {
            idle.remove(c);
            c.idle = false;
        } else if (c.idle) {
            idle.remove(c); // to the back: spread pipelined requests over the connections
            idle.addLast(c);
        }
        c.out.put(plan.request());
        if (c.state == CLOSED) {
            connect(c);
        } else if (c.state == OPEN) {
            flush(c);
        }
    }

    private void preconnect() throws IOException {
        for (Conn c : conns) {
            connect(c);
        }
        long deadline = System.nanoTime() + Math.min(plan.timeoutNs(), 5_000_000_000L);
        while (System.nanoTime() < deadline && anyConnecting()) {
            selector.select(10);
            for (SelectionKey k : selector.selectedKeys()) {
                if (k.isValid() && k.isConnectable()) {
                    finishConnect((Conn) k.attachment(), System.nanoTime());
                }
            }
            selector.selectedKeys().clear();
        }
        int failed = 0;
        for (Conn c : conns) {
            if (c.state != OPEN) {
                failed++;
                closeQuietly(c);
            }
            if (!c.idle) {
                c.idle = true;
                idle.addLast(c);
            }
        }
        if (failed > 0) {
            notes.add(failed + " of " + conns.length + " connections could not be opened before the run; "
                    + "each request on them tries again");
        }
    }

    private boolean anyConnecting() {
        for (Conn c : conns) {
            if (c.state == CONNECTING) {
                return true;
            }
        }
        return false;
    }

    private void connect(Conn c) {
        try {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.ch = ch;
            c.parser.reset();
            boolean done = ch.connect(plan.address());
            c.key = ch.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
            c.state = done ? OPEN : CONNECTING;
            if (done) {
                flush(c);
            }
        } catch (IOException e) {
            connectFailed(c, e);
        }
    }

    private void finishConnect(Conn c, long now) {
        try {
            c.ch.finishConnect();
            c.state = OPEN;
            c.key.interestOps(SelectionKey.OP_READ);
            if (c.count == 0) {
                c.freeAt = now;
            }
            flush(c);
        } catch (IOException e) {
            connectFailed(c, e);
        }
    }

    private void connectFailed(Conn c, IOException e) {
        boolean refused = e instanceof ConnectException && String.valueOf(e.getMessage()).contains("refused");
        ErrorKind kind = refused ? ErrorKind.CONNECT_REFUSED : ErrorKind.CONNECT_FAILED;
        fail(c, kind, e.toString());
    }

    private void flush(Conn c) {
        if (c.out.position() == 0) {
            return;
        }
        try {
            c.out.flip();
            c.ch.write(c.out);
            boolean more = c.out.hasRemaining();
            c.out.compact();
            c.key.interestOps(more ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            fail(c, kindOf(e), e.toString());
        }
    }

    private void read(Conn c, long now) {
        readBuffer.clear();
        int n;
        try {
            n = c.ch.read(readBuffer);
        } catch (IOException e) {
            fail(c, kindOf(e), e.toString());
            return;
        }
        try {
            if (n < 0) {
                try {
                    if (c.parser.endOfInput()) {
                        complete(c, now);
                    }
                } catch (ResponseParser.BadResponse e) {
                    fail(c, ErrorKind.CLOSED, e.getMessage());
                    return;
                }
                fail(c, ErrorKind.CLOSED, "the server closed the connection with requests outstanding");
                return;
            }
            readBuffer.flip();
            while (readBuffer.hasRemaining()) {
                if (c.count == 0) {
                    fail(c, ErrorKind.BAD_RESPONSE, "bytes arrived with no request outstanding");
                    return;
                }
                if (!c.parser.feed(readBuffer)) {
                    break;
                }
                boolean close = c.parser.closeAfter();
                complete(c, now);
                if (close) {
                    fail(c, ErrorKind.CLOSED, "the server closed the connection (Connection: close) with requests outstanding");
                    return;
                }
            }
        } catch (ResponseParser.BadResponse e) {
            fail(c, ErrorKind.BAD_RESPONSE, e.getMessage());
        }
    }

    private void complete(Conn c, long now) {
        int h = c.head;
        if (c.measured[h]) {
            rec.response(c.parser.status(), c.scheduled[h], c.sent[h], now);
            ErrorKind kind = ErrorKind.ofStatus(c.parser.status());
            if (kind != null) {
                noteFirst(kind, "status " + c.parser.status());
            }
        }
        c.head = (h + 1) % c.scheduled.length;
        c.count--;
        outstanding--;
        c.freeAt = now;
        if (!c.idle) {
            c.idle = true;
            idle.addLast(c);
        }
        if (!plan.openModel()) {
            c.nextAt = Math.max(now, c.nextAt);
        }
    }

    private void checkTimeouts(long now) {
        for (Conn c : conns) {
            if (c.count > 0 && now - c.sent[c.head] > plan.timeoutNs()) {
                fail(c, ErrorKind.TIMEOUT, "no response within " + plan.timeoutNs() / 1_000_000 + " ms of sending");
            }
        }
    }

    /** Fails every outstanding request of {@code c} with {@code kind} and closes it (it reopens on demand). */
    private void fail(Conn c, ErrorKind kind, String message) {
        boolean any = false;
        while (c.count > 0) {
            int h = c.head;
            if (c.measured[h]) {
                rec.error(kind, c.scheduled[h]);
                any = true;
            }
            c.head = (h + 1) % c.scheduled.length;
            c.count--;
            outstanding--;
        }
        if (any) {
            noteFirst(kind, message);
        }
        closeQuietly(c);
        c.freeAt = System.nanoTime();
        if (!c.idle) {
            c.idle = true;
            idle.addLast(c);
        }
    }

    private void noteFirst(ErrorKind kind, String message) {
        if (notes.stream().noneMatch(n -> n.startsWith(kind.label() + ":"))) {
            notes.add(kind.label() + ": first seen as " + message);
        }
    }

    private void closeQuietly(Conn c) {
        if (c.ch != null) {
            try {
                c.ch.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
        }
        c.ch = null;
        c.key = null;
        c.state = CLOSED;
        c.out.clear();
        c.head = 0;
        c.parser.reset();
    }

    private static ErrorKind kindOf(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        if (m.contains("reset")) {
            return ErrorKind.RESET;
        }
        if (m.contains("broken pipe")) {
            return ErrorKind.CLOSED;
        }
        return ErrorKind.IO;
    }

    /** Blocks until I/O is ready or {@code wake} (a nanoTime) has come. */
    private void waitFor(long wake) throws IOException {
        long left = wake - System.nanoTime();
        if (left <= 0) {
            selector.selectNow();
            return;
        }
        if (left < MAX_SLEEP_MS * 1_000_000L) {
            timer.arm(wake);
            selector.select(MAX_SLEEP_MS);
        } else {
            selector.select(MAX_SLEEP_MS);
        }
    }
}
