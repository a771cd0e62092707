package dev.benchbook.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads recordings into the samples of a {@link Profile}: JFR's own (execution and allocation samples
 * of the benchmark's threads, named by the harness's measured-phase event, and the JVM's pauses) and
 * async-profiler's JFR output (execution samples, kept to the threads that the measured-phase event
 * of the JFR recording made beside it lists), their stacks trimmed to the benchmark's body.
 */
final class Recordings {
    static final String MEASURED_PHASE = "benchbook.MeasuredPhase";
    /** The frame types async-profiler gives code outside Java: its name is the symbol, with no class. */
    private static final Set<String> NATIVE_FRAMES = Set.of("Native", "C++", "Kernel");

    /**
     * One execution sample: frames root first, from the benchmark's body on, the top frame's line, and
     * the thread it was taken on ({@code <recording>:<java thread id>}).
     */
    record Sample(List<String> frames, int line, String thread) {}

    /** One allocation sample: where (frames root first), what class, and the bytes it stands for. */
    record Allocation(List<String> frames, String type, long bytes) {}

    /** One pause: {@code gc} or {@code safepoint}, its name, when it started and how long it lasted. */
    record Pause(String kind, String name, Instant start, long durationNs) {}

    /** Everything read from a set of recordings. */
    record Data(List<Sample> samples, List<Allocation> allocations, List<Pause> pauses, List<String> notes,
            Duration measured) {}

    private Recordings() {}

    static Data read(List<Path> files) {
        Reader r = new Reader();
        List<List<RecordedEvent>> all = new ArrayList<>();
        for (Path f : files) {
            all.add(r.events(f));
        }
        // A JFR recording's measured phase names the threads of the async-profiler recording made beside it.
        for (int i = 0; i < files.size(); i++) {
            if (!r.isAsync(all.get(i))) {
                r.phases(all.get(i));
            }
        }
        for (int i = 0; i < files.size(); i++) {
            r.samples(i, files.get(i), all.get(i));
        }
        List<String> notes = new ArrayList<>();
        if (r.withoutDebugInfo) {
            notes.add("this JVM ran without -XX:+DebugNonSafepoints, so samples of JIT-compiled code are attributed to "
                    + "the nearest safepoint: methods and lines may be off by an inlined call; forked runs (.forks(n)) "
                    + "get the flag, the kernel's JVM has it unless BENCHBOOK_JVM_OPTS replaced the defaults, and "
                    + "async-profiler (ProfileSpec.asyncItimer()) turns it on when it loads");
        }
        if (r.withoutPhase) {
            notes.add("the recordings hold no measured-phase event, so every thread started by the harness is counted");
        }
        r.pauses.sort(java.util.Comparator.comparing(Pause::start).thenComparing(Pause::kind));
        return new Data(r.samples, r.allocations, r.pauses, notes, r.measured);
    }

    /** What the recordings read so far hold. */
    private static final class Reader {
        final List<Sample> samples = new ArrayList<>();
        final List<Allocation> allocations = new ArrayList<>();
        final List<Pause> pauses = new ArrayList<>();
        /** The benchmark's threads by the file name of the async-profiler recording made beside a JFR one. */
        final Map<String, Set<Long>> asyncThreads = new HashMap<>();
        Duration measured = Duration.ZERO;
        boolean withoutDebugInfo;
        boolean withoutPhase;

        List<RecordedEvent> events(Path f) {
            try {
                List<RecordedEvent> events = RecordingFile.readAllEvents(f);
                events.sort(java.util.Comparator.comparing(RecordedEvent::getStartTime));
                return events;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the recording " + f + ": " + e.getMessage()
                        + "; it is not a complete JFR file (was the run interrupted?)", e);
            }
        }

        /** Whether async-profiler wrote these events (its recording names itself). */
        boolean isAsync(List<RecordedEvent> events) {
            return events.stream().anyMatch(e -> "jdk.ActiveRecording".equals(e.getEventType().getName())
                    && e.hasField("name") && String.valueOf(e.getString("name")).startsWith("async-profiler"));
        }

        /** Notes the async recordings that a JFR recording's measured phases name, with their threads. */
        void phases(List<RecordedEvent> events) {
            for (RecordedEvent e : events) {
                if (MEASURED_PHASE.equals(e.getEventType().getName()) && e.getThread() != null
                        && e.hasField("asyncRecording") && e.getString("asyncRecording") != null
                        && !e.getString("asyncRecording").isEmpty()) {
                    asyncThreads.computeIfAbsent(e.getString("asyncRecording"), k -> new HashSet<>())
                            .addAll(ids(e));
                }
            }
        }

        private static Set<Long> ids(RecordedEvent phase) {
            Set<Long> ids = new HashSet<>();
            ids.add(phase.getThread().getJavaThreadId());
            String listed = phase.hasField("threads") ? phase.getString("threads") : null;
            if (listed != null && !listed.isBlank()) {
                for (String id : listed.split(",")) {
                    ids.add(Long.parseLong(id.trim()));
                }
            }
            return ids;
        }

        void samples(int index, Path f, List<RecordedEvent> events) {
            boolean async = isAsync(events);
            // JFR weighs an allocation sample by the bytes its thread allocated since its previous sample, so the
            // first sample of a thread in a recording also carries what it allocated before recording (warmup).
            Set<RecordedEvent> firstOfThread = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Set<Long> seen = new HashSet<>();
            Set<Long> threads = new HashSet<>();
            Set<String> names = new HashSet<>();
            boolean phases = false;
            boolean flagKnown = false;
            boolean flagInArguments = false;
            boolean jvmInfo = false;
            for (RecordedEvent e : events) {
                String type = e.getEventType().getName();
                if ("jdk.ObjectAllocationSample".equals(type) && e.getThread() != null
                        && seen.add(e.getThread().getJavaThreadId())) {
                    firstOfThread.add(e);
                } else if (MEASURED_PHASE.equals(type) && e.getThread() != null) {
                    phases = true;
                    threads.addAll(ids(e));
                    measured = measured.plus(e.getDuration());
                    if (!e.hasField("threads") || e.getString("threads") == null || e.getString("threads").isBlank()) {
                        // Recordings older than the list of thread ids: the workers are named after the measuring thread.
                        names.add(e.getThread().getJavaName());
                    }
                    if (e.hasField("debugNonSafepoints")) {
                        flagKnown = true;
                        withoutDebugInfo |= !e.getBoolean("debugNonSafepoints");
                    }
                } else if ("jdk.JVMInformation".equals(type)) {
                    jvmInfo = true;
                    String args = e.getString("jvmArguments") + " " + e.getString("jvmFlags");
                    flagInArguments |= args.contains("-XX:+DebugNonSafepoints");
                }
            }
            if (async) {
                // async-profiler's CPU engines sample every running thread: its recording counts the threads that
                // the JFR recording beside it names (alone, the threads the harness named).
                threads.addAll(asyncThreads.getOrDefault(f.getFileName().toString(), Set.of()));
                withoutPhase |= threads.isEmpty();
            } else {
                withoutPhase |= !phases;
                // Recordings older than the measured phase's flag field: the JVM's arguments tell.
                withoutDebugInfo |= !flagKnown && jvmInfo && !flagInArguments;
            }
            Map<Long, Instant> safepointStart = new HashMap<>();
            Map<Long, String> safepointOperation = new HashMap<>();
            Map<Long, Instant> safepointEnd = new HashMap<>();
            for (RecordedEvent e : events) {
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        RecordedThread t = e.getThread("sampledThread");
                        if (ours(t, threads, names)) {
                            List<String> frames = new ArrayList<>();
                            int line = trimmed(e.getStackTrace(), frames);
                            if (line != Integer.MIN_VALUE) {
                                samples.add(new Sample(frames, line, index + ":" + t.getJavaThreadId()));
                            }
                        }
                    }
                    case "jdk.ObjectAllocationSample" -> {
                        if (!firstOfThread.contains(e) && ours(e.getThread("eventThread"), threads, names)) {
                            List<String> frames = new ArrayList<>();
                            if (trimmed(e.getStackTrace(), frames) != Integer.MIN_VALUE) {
                                allocations.add(new Allocation(frames, typeName(e.getClass("objectClass").getName()),
                                        e.getLong("weight")));
                            }
                        }
                    }
                    case "jdk.GarbageCollection" -> pauses.add(new Pause("gc", e.getString("name") + " ("
                            + e.getString("cause") + ")", e.getStartTime(), e.getDuration("sumOfPauses").toNanos()));
                    case "jdk.SafepointBegin" -> safepointStart.put(e.getLong("safepointId"), e.getStartTime());
                    case "jdk.SafepointEnd" -> safepointEnd.put(e.getLong("safepointId"), e.getEndTime());
                    case "jdk.ExecuteVMOperation" -> {
                        if (e.getBoolean("safepoint")) {
                            safepointOperation.put(e.getLong("safepointId"), e.getString("operation"));
                        }
                    }
                    default -> { }
                }
            }
            safepointStart.forEach((id, start) -> {
                Instant end = safepointEnd.get(id);
                if (end != null) {
                    pauses.add(new Pause("safepoint", safepointOperation.getOrDefault(id, "safepoint"), start,
                            Duration.between(start, end).toNanos()));
                }
            });
        }
    }

    /** A class name as Java writes it: {@code [J} is {@code long[]}, {@code [Ljava.lang.String;} is {@code java.lang.String[]}. */
    static String typeName(String jvm) {
        int dims = 0;
        while (dims < jvm.length() && jvm.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return jvm;
        }
        String element = jvm.substring(dims);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1)
                    : element;
        };
        return base + "[]".repeat(dims);
    }

    /**
     * Whether {@code t} is one of the benchmark's threads: named by a measured-phase event (its thread,
     * and the ids it lists), or, in recordings whose events list no ids, named after the measuring thread.
     */
    private static boolean ours(RecordedThread t, Set<Long> threads, Set<String> names) {
        if (t == null) {
            return false;
        }
        if (threads.isEmpty()) {
            return t.getJavaName() != null && t.getJavaName().startsWith("benchbook ");
        }
        if (threads.contains(t.getJavaThreadId())) {
            return true;
        }
        String name = t.getJavaName();
        return name != null && names.stream().anyMatch(name::startsWith);
    }

    /**
     * Fills {@code out} with the stack's frames from the benchmark's body on, root first, and returns
     * the top frame's line; a sample in the harness itself becomes the one frame {@link Frames#HARNESS};
     * a stack outside the harness (a thread the benchmark started) is kept whole, and so is one that JFR
     * cut at its stack depth (under {@link Frames#TRUNCATED}: its root frames are lost). Returns
     * {@link Integer#MIN_VALUE} for a sample without a stack.
     */
    private static int trimmed(RecordedStackTrace trace, List<String> out) {
        if (trace == null || trace.getFrames().isEmpty()) {
            return Integer.MIN_VALUE;
        }
        List<RecordedFrame> topFirst = trace.getFrames();
        List<String> rootFirst = new ArrayList<>(topFirst.size());
        for (int i = topFirst.size() - 1; i >= 0; i--) {
            RecordedFrame f = topFirst.get(i);
            rootFirst.add(NATIVE_FRAMES.contains(f.getType()) ? f.getMethod().getName()
                    : Frames.name(f.getMethod().getType().getName(), f.getMethod().getName()));
        }
        if (trace.isTruncated()) {
            out.add(Frames.TRUNCATED);
            out.addAll(rootFirst);
            return topFirst.get(0).getLineNumber();
        }
        int start = Frames.harnessThread(rootFirst) ? Frames.bodyStart(rootFirst) : 0;
        if (start < 0) {
            out.add(Frames.HARNESS);
            return -1;
        }
        out.addAll(rootFirst.subList(start, rootFirst.size()));
        return topFirst.get(0).getLineNumber();
    }
}
