package dev.benchbook.harness;

import dev.benchbook.metric.Metrics;
import dev.benchbook.spec.BenchContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * The threads of a {@code .threads(n)} benchmark: n workers, each with its own loop copy, context and
 * Blackhole, driven batch by batch by the measuring thread. Per batch the measuring thread opens the
 * {@code gate}; each worker reads its own CPU and allocation counters, waits on the {@code start}
 * barrier so that all n enter the body together, times its batch, reads its counters again and
 * meets the measuring thread at the gate. A worker's failure stops the others' loops (through the
 * shared {@link LoopControl}) and is rethrown by {@link #time(long)} on the measuring thread.
 */
final class ThreadGang implements AutoCloseable {
    private final int n;
    private final Clock clock;
    private final LoopControl control;
    private final BenchContext[] contexts;
    private final LoopFactory.BoundLoop[] loops;
    private final Thread[] threads;
    private final CyclicBarrier gate;
    private final CyclicBarrier start;
    private final long[] startNs;
    private final long[] wallNs;
    private final long[] cpuNs;
    private final long[] allocBytes;
    private volatile long batch;
    private volatile Throwable failure;
    private volatile int failedThread = -1;
    private volatile boolean cancelled;

    /** What binds thread {@code index}'s loop to its context. */
    interface LoopBinder {
        LoopFactory.BoundLoop bind(BenchContext ctx);
    }

    /** Starts {@code contexts.length} daemon workers named after {@code name}, idle until the first batch. */
    ThreadGang(String name, Clock clock, LoopControl control, BenchContext[] contexts, LoopBinder binder) {
        this.n = contexts.length;
        this.clock = clock;
        this.control = control;
        this.contexts = contexts.clone();
        this.loops = new LoopFactory.BoundLoop[n];
        for (int i = 0; i < n; i++) {
            loops[i] = binder.bind(contexts[i]);
        }
        this.gate = new CyclicBarrier(n + 1);
        this.start = new CyclicBarrier(n);
        this.startNs = new long[n];
        this.wallNs = new long[n];
        this.cpuNs = new long[n];
        this.allocBytes = new long[n];
        this.threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            threads[i] = new Thread(() -> work(index), name + " thread " + i + " of " + n);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    int size() {
        return n;
    }

    /** The workers, for a forced stop after a timeout. */
    List<Thread> threads() {
        return List.of(threads);
    }

    /**
     * Runs a batch of {@code ops} invocations on every thread at once and returns the batch's wall
     * nanoseconds, from the first thread's start to the last one's finish.
     *
     * @throws ThreadFailed if a thread's body threw
     */
    long time(long ops) throws Exception {
        batch = ops;
        try {
            gate.await();
            gate.await();
        } catch (BrokenBarrierException e) {
            if (cancelled) {
                return 0;
            }
            throw new IllegalStateException("a benchmark thread left the batch unexpectedly", e);
        }
        if (cancelled) {
            return 0;
        }
        Throwable t = failure;
        if (t != null) {
            throw new ThreadFailed(failedThread, n, t);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            first = Math.min(first, startNs[i]);
            last = Math.max(last, startNs[i] + wallNs[i]);
        }
        return last - first;
    }

    /**
     * Puts the last batch's per-thread figures into {@code values}: CPU and allocation per operation
     * over all threads (replacing the measuring thread's own readings), throughput in total, per
     * thread and of the slowest thread, and per-thread CPU and allocation. A counter this JVM lacks is
     * left out.
     */
    void valuesInto(Map<String, Double> values, long ops, long spanNs) {
        double totalOps = (double) ops * n;
        values.put(Metrics.OPS_PER_S.id(), totalOps * 1e9 / Math.max(1, spanNs));
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double own = ops * 1e9 / Math.max(1, wallNs[i]);
            sum += own;
            min = Math.min(min, own);
        }
        values.put(Metrics.OPS_PER_S_PER_THREAD.id(), sum / n);
        values.put(Metrics.OPS_PER_S_MIN_THREAD.id(), min);
        values.remove(Metrics.CPU_NS.id());
        values.remove(Metrics.ALLOC_BYTES_PER_OP.id());
        if (cpuNs[0] >= 0) {
            double cpu = 0;
            for (long c : cpuNs) {
                cpu += c;
            }
            values.put(Metrics.CPU_NS.id(), cpu / totalOps);
            values.put(Metrics.CPU_NS_PER_THREAD.id(), cpu / n);
        }
        if (allocBytes[0] >= 0) {
            double alloc = 0;
            for (long a : allocBytes) {
                alloc += a;
            }
            values.put(Metrics.ALLOC_BYTES_PER_OP.id(), alloc / totalOps);
            values.put(Metrics.ALLOC_BYTES_PER_THREAD.id(), alloc / n);
        }
    }

    /** Forgets the custom metrics every thread reported. */
    void resetCustomMetrics() {
        for (BenchContext c : contexts) {
            c.customMetrics().reset();
        }
    }

    /**
     * Puts each custom metric's mean over the threads that reported it into {@code values}, beside
     * what the measuring thread's own context reported ({@code values} already holds that).
     */
    void customMeansInto(Map<String, Double> values) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        List<Map<String, Double>> all = new ArrayList<>();
        for (BenchContext c : contexts) {
            all.add(c.customMetrics().means());
        }
        for (Map<String, Double> m : all) {
            m.forEach((k, v) -> {
                double[] a = acc.computeIfAbsent(k, x -> values.containsKey(x) ? new double[] {values.get(x), 1}
                        : new double[2]);
                a[0] += v;
                a[1]++;
            });
        }
        acc.forEach((k, a) -> values.put(k, a[0] / a[1]));
    }

    /** Asks the workers to stop: their loops end at the next invocation, a blocked body is interrupted. */
    void cancel() {
        cancelled = true;
        control.stop = true;
        for (Thread t : threads) {
            t.interrupt();
        }
    }

    /** Ends the workers, which wait at the gate between batches, and waits briefly for them. */
    @Override
    public void close() {
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(Harness.GRACE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work(int i) {
        JvmThreadSource jvm = JvmThreadSource.INSTANCE;
        try {
            while (true) {
                gate.await();
                long ops = batch;
                long cpu0 = jvm.currentThreadCpuNs();
                try {
                    start.await();
                    long alloc0 = jvm.currentThreadAllocatedBytes();
                    long t0 = clock.nanoTime();
                    long wall = loops[i].time(ops);
                    long alloc1 = jvm.currentThreadAllocatedBytes();
                    startNs[i] = t0;
                    wallNs[i] = wall;
                    allocBytes[i] = alloc0 < 0 ? -1 : alloc1 - alloc0;
                    cpuNs[i] = cpu0 < 0 ? -1 : jvm.currentThreadCpuNs() - cpu0;
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw e;
                } catch (Throwable t) {
                    if (failure == null) {
                        failedThread = i;
                        failure = t;
                    }
                    control.stop = true;
                }
                gate.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            // Closed, cancelled or abandoned by the measuring thread: the worker ends.
        }
    }

    /** A worker's body threw; the run fails with that error, named by the thread. */
    static final class ThreadFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int thread;
        private final int of;

        ThreadFailed(int thread, int of, Throwable cause) {
            super("thread " + thread + " of " + of + " threw " + cause, cause, false, false);
            this.thread = thread;
            this.of = of;
        }

        /** {@code " on thread i of n"}, for the run's error. */
        String where() {
            return " on thread " + thread + " of " + of;
        }
    }
}
