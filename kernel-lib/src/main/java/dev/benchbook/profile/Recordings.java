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
 * Reads JFR recordings into the samples of a {@link Profile}: execution and allocation samples of the
 * benchmark's threads (the threads that committed the harness's measured-phase event, and threads
 * named after them), their stacks trimmed to the benchmark's body, and the JVM's pauses.
 */
final class Recordings {
    static final String MEASURED_PHASE = "benchbook.MeasuredPhase";

    /** One execution sample: frames root first, from the benchmark's body on, and the top frame's line. */
    record Sample(List<String> frames, int line) {}

    /** One allocation sample: where (frames root first), what class, and the bytes it stands for. */
    record Allocation(List<String> frames, String type, long bytes) {}

    /** One pause: {@code gc} or {@code safepoint}, its name, when it started and how long it lasted. */
    record Pause(String kind, String name, Instant start, long durationNs) {}

    /** Everything read from a set of recordings. */
    record Data(List<Sample> samples, List<Allocation> allocations, List<Pause> pauses, List<String> notes,
            Duration measured) {}

    private Recordings() {}

    static Data read(List<Path> files) {
        List<RecordedEvent> events = new ArrayList<>();
        // JFR weighs an allocation sample by the bytes its thread allocated since its previous sample, so the
        // first sample of a thread in a recording also carries what it allocated before recording (warmup).
        Set<RecordedEvent> firstOfThread = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Path f : files) {
            try {
                List<RecordedEvent> read = RecordingFile.readAllEvents(f);
                read.sort(java.util.Comparator.comparing(RecordedEvent::getStartTime));
                Set<Long> seen = new HashSet<>();
                for (RecordedEvent e : read) {
                    if ("jdk.ObjectAllocationSample".equals(e.getEventType().getName()) && e.getThread() != null
                            && seen.add(e.getThread().getJavaThreadId())) {
                        firstOfThread.add(e);
                    }
                }
                events.addAll(read);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the recording " + f + ": " + e.getMessage()
                        + "; it is not a complete JFR file (was the run interrupted?)", e);
            }
        }
        Set<Long> threads = new HashSet<>();
        Set<String> names = new HashSet<>();
        Duration measured = Duration.ZERO;
        boolean debugNonSafepoints = false;
        boolean jvmInfo = false;
        for (RecordedEvent e : events) {
            String type = e.getEventType().getName();
            if (MEASURED_PHASE.equals(type) && e.getThread() != null) {
                threads.add(e.getThread().getJavaThreadId());
                names.add(e.getThread().getJavaName());
                measured = measured.plus(e.getDuration());
            } else if ("jdk.JVMInformation".equals(type)) {
                jvmInfo = true;
                String args = e.getString("jvmArguments") + " " + e.getString("jvmFlags");
                debugNonSafepoints |= args.contains("-XX:+DebugNonSafepoints");
            }
        }
        List<String> notes = new ArrayList<>();
        if (jvmInfo && !debugNonSafepoints) {
            notes.add("this JVM ran without -XX:+DebugNonSafepoints, so samples of JIT-compiled code are attributed to "
                    + "the nearest safepoint: methods and lines may be off by an inlined call; forked runs (.forks(n)) "
                    + "get the flag, and the kernel's JVM does too when installed with it");
        }
        if (threads.isEmpty()) {
            notes.add("the recordings hold no measured-phase event, so every thread started by the harness is counted");
        }
        List<Sample> samples = new ArrayList<>();
        List<Allocation> allocations = new ArrayList<>();
        List<Pause> pauses = new ArrayList<>();
        Map<Long, Instant> safepointStart = new HashMap<>();
        Map<Long, String> safepointOperation = new HashMap<>();
        Map<Long, Instant> safepointEnd = new HashMap<>();
        for (RecordedEvent e : events) {
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    if (ours(e.getThread("sampledThread"), threads, names)) {
                        List<String> frames = new ArrayList<>();
                        int line = trimmed(e.getStackTrace(), frames);
                        if (line != Integer.MIN_VALUE) {
                            samples.add(new Sample(frames, line));
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
        pauses.sort(java.util.Comparator.comparing(Pause::start).thenComparing(Pause::kind));
        return new Data(samples, allocations, pauses, notes, measured);
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
            rootFirst.add(Frames.name(f.getMethod().getType().getName(), f.getMethod().getName()));
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
