package dev.benchbook.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JShell's local execution engine, changed in three ways: the object produced by a snippet is kept
 * (JShell itself only keeps its {@code toString()}), recompiled wrapper classes may keep the loaded
 * class and so the variables it holds, and a stop first interrupts the cell and only then kills it.
 */
final class InProcessExecutionControl extends LocalExecutionControl {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessExecutionControl.class);
    /** Top-level class JShell generates for one snippet; variables live in its static fields. */
    private static final Pattern SNIPPET_WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*");
    /** How long a stopped cell that ignores the last Thread.stop may keep the kernel waiting. */
    private static final Duration ABANDON_AFTER = Duration.ofSeconds(10);

    /**
     * What the last snippet invocation produced; what it threw, JShell reports itself.
     *
     * @param value the object the snippet evaluated to, or {@code null}
     * @param stopped whether the invocation was stopped by {@link #stop()}
     */
    record Outcome(Object value, boolean stopped) {
        static final Outcome NONE = new Outcome(null, false);
    }

    private final SnippetLoader loader;
    private final Duration grace;
    private final AtomicInteger runCount = new AtomicInteger();
    private final AtomicInteger keptClasses = new AtomicInteger();
    private final Object lock = new Object();
    private Run current;
    private boolean stopRequested;
    private volatile Outcome last = Outcome.NONE;

    /**
     * @param loader defines snippet classes
     * @param grace how long a stop waits for the interrupted cell to finish before killing it
     */
    InProcessExecutionControl(SnippetLoader loader, Duration grace) {
        super(loader);
        this.loader = loader;
        this.grace = grace;
    }

    /** A provider that hands JShell this very instance, so the evaluator can talk to it. */
    ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "benchbook-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, java.util.Map<String, String> parameters) {
                return InProcessExecutionControl.this;
            }
        };
    }

    /** Forgets stop requests of an earlier cell; called before a cell starts. */
    void beginCell() {
        synchronized (lock) {
            stopRequested = false;
        }
        last = Outcome.NONE;
    }

    /** Whether {@link #stop()} was called since {@link #beginCell()}. */
    boolean stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    /** Returns and clears what the last invocation produced. */
    Outcome takeOutcome() {
        Outcome o = last;
        last = Outcome.NONE;
        return o;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Run run;
        synchronized (lock) {
            if (stopRequested) {
                // The interrupt came while the snippet was compiling: do not start it at all.
                last = new Outcome(null, true);
                throw new StoppedException();
            }
            run = new Run(doit, runCount.incrementAndGet());
            current = run;
        }
        try {
            run.start();
            run.awaitEnd();
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
        last = new Outcome(run.value, run.stopped);
        if (run.stopped) {
            throw new StoppedException();
        }
        if (run.failure != null) {
            throw run.failure;
        }
        if (run.thrown != null) {
            throw new InvocationTargetException(run.thrown);
        }
        // JShell only shows this string; rendering uses the object, so avoid a costly toString().
        return run.value == null ? "null" : run.value.getClass().getName();
    }

    @Override
    public void stop() {
        Run run;
        synchronized (lock) {
            stopRequested = true;
            run = current;
        }
        if (run != null) {
            run.requestStop();
        }
    }

    /**
     * Accepts JShell's recompiled wrappers without replacing the loaded classes when that cannot
     * change behaviour, so variables survive. Every wrapper class starts with the source of all
     * imports, so an import spanning several lines (a comment above it, say) makes JShell
     * recompile every earlier snippet, whose bytes then differ only in line numbers. JShell also
     * recompiles a variable's wrapper when a method its initializer called is redefined; the
     * initializer never runs again, so keeping the class (and the value) matches what a JVM class
     * redefinition would do. Anything else is refused, and JShell falls back to replacing the class.
     */
    @Override
    public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException, EngineTerminationException {
        for (ClassBytecodes cbc : cbcs) {
            if (!canKeepLoadedClass(cbc)) {
                LOG.debug("Refusing redefinition of {}", cbc.name());
                throw new NotImplementedException("Redefinition of " + cbc.name() + " changes its code");
            }
        }
        classesRedefined(cbcs);
        keptClasses.addAndGet(cbcs.length);
    }

    /** How many recompiled classes {@link #redefine} accepted while keeping the loaded class. */
    int keptClasses() {
        return keptClasses.get();
    }

    private boolean canKeepLoadedClass(ClassBytecodes cbc) {
        byte[] loadedBytes = loader.currentBytes(cbc.name());
        if (loadedBytes == null) {
            return false;
        }
        try {
            ClassShape before = ClassShape.of(loadedBytes);
            ClassShape after = ClassShape.of(ExitGuard.instrument(cbc.bytecodes()));
            if (before.sameIgnoringDebugInfo(after)) {
                return true;
            }
            return SNIPPET_WRAPPER.matcher(cbc.name()).matches()
                    && before.hasFields()
                    && before.sameSignatures(after);
        } catch (IllegalArgumentException e) {
            LOG.debug("Cannot compare versions of {}", cbc.name(), e);
            return false;
        }
    }

    /** One invocation of a snippet on its own thread, in its own thread group. */
    private final class Run {
        private final ThreadGroup group;
        private final Thread thread;
        private volatile Object value;
        private volatile Throwable thrown;
        private volatile Exception failure;
        private volatile boolean stopped;
        private volatile long stopRequestedAt;

        Run(Method doit, int n) {
            // Never a daemon group: executors made in this cell create threads in it in later cells.
            group = new ThreadGroup("benchbook-cell-" + n);
            thread = new Thread(group, () -> execute(doit), "benchbook-cell-" + n);
            thread.setDaemon(true);
            thread.setContextClassLoader(loader.classLoader());
        }

        private void execute(Method doit) {
            try {
                value = doit.invoke(null);
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            } catch (ThreadDeath e) {
                thrown = e;
            } catch (Exception e) {
                failure = e;
            }
        }

        void start() {
            thread.start();
        }

        void awaitEnd() {
            long lastForce = 0;
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                    requestStop();
                }
                if (!stopped || !thread.isAlive()) {
                    continue;
                }
                long sinceStop = System.nanoTime() - stopRequestedAt;
                if (sinceStop > grace.plus(ABANDON_AFTER).toNanos()) {
                    LOG.warn("Cell thread {} ignores stop requests; leaving it running", thread.getName());
                    break;
                }
                if (sinceStop > grace.toNanos() && System.nanoTime() - lastForce > 1_000_000_000L) {
                    // User code may catch ThreadDeath, so keep insisting until it gives up.
                    forceStop();
                    lastForce = System.nanoTime();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void requestStop() {
            if (stopped) {
                // A second interrupt means the user does not want to wait for the grace period.
                forceStop();
                return;
            }
            stopped = true;
            stopRequestedAt = System.nanoTime();
            group.interrupt();
        }

        @SuppressWarnings("deprecation")
        private void forceStop() {
            Thread[] threads = new Thread[group.activeCount() + 8];
            int n = group.enumerate(threads);
            for (int i = 0; i < n; i++) {
                try {
                    threads[i].stop();
                } catch (UnsupportedOperationException e) {
                    LOG.warn("This JVM cannot stop thread {}: only interrupts work", threads[i].getName());
                }
            }
        }
    }
}
