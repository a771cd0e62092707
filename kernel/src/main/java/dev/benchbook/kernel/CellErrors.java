package dev.benchbook.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;

/** Turns compiler diagnostics and snippet exceptions into the lines a notebook user reads. */
final class CellErrors {
    /** Frames below the user's code that belong to the kernel's reflective call of the snippet. */
    private static final int MAX_FRAMES = 60;
    private static final List<String> PLUMBING_PREFIXES = List.of(
            "dev.benchbook.kernel.", "jdk.internal.reflect.", "java.lang.reflect.Method",
            "java.lang.Thread");

    private CellErrors() {
    }

    /**
     * A compilation error for the snippet that starts at {@code snippetOffset} in {@code cell}.
     *
     * @param cell the whole cell source
     * @param snippetOffset where the snippet's source starts within the cell
     * @param diagnostics the snippet's diagnostics, positions relative to the snippet
     * @param file the file the source came from, named in the headline; {@code null} for a cell
     */
    static CellException.CompilationError compilation(String cell, int snippetOffset, List<Diag> diagnostics,
            String file) {
        List<String> lines = new ArrayList<>();
        String headline = null;
        for (Diag d : diagnostics) {
            if (!d.isError()) {
                continue;
            }
            List<String> message = new ArrayList<>(List.of(d.getMessage(Locale.ROOT).split("\\R")));
            // JShell blanks out its wrapper class names, leaving "location: class" with no name.
            message.removeIf(l -> l.strip().equals("location: class"));
            long start = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            long end = Math.max(d.getEndPosition(), start + 1);
            int from = clamp(snippetOffset + start, cell.length());
            int to = clamp(snippetOffset + end, cell.length());
            int lineStart = cell.lastIndexOf('\n', from - 1) + 1;
            int lineEnd = cell.indexOf('\n', from);
            lineEnd = lineEnd < 0 ? cell.length() : lineEnd;
            int lineNumber = 1 + (int) cell.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            String summary = "line " + lineNumber + ": " + message.get(0);
            if (headline == null) {
                headline = "Compilation error in " + (file == null ? "" : file + ", ") + summary;
            } else {
                lines.add(summary);
            }
            lines.add("    " + cell.substring(lineStart, lineEnd));
            int width = Math.max(1, Math.min(to, lineEnd) - from);
            lines.add("    " + " ".repeat(from - lineStart) + "^" + "~".repeat(width - 1));
            message.subList(1, message.size()).forEach(l -> lines.add("  " + l.strip()));
        }
        if (headline == null) {
            headline = "Compilation error: the snippet was rejected";
        }
        return new CellException.CompilationError(headline, lines);
    }

    /**
     * An exception thrown by user code, with its causes, each stack trace cut to the user's frames.
     *
     * @param t JShell's report of the exception, or the exception itself
     * @param snippetFrames names frames of snippet code, whose file name JShell sets to {@code #id}
     */
    static CellException.EvaluationError thrown(Throwable t, Function<StackTraceElement, String> snippetFrames) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable cause = t;
        String prefix = "";
        while (cause != null && seen.add(cause)) {
            if (!prefix.isEmpty()) {
                lines.add(prefix + describe(cause));
            }
            addFrames(lines, userFrames(cause.getStackTrace()), snippetFrames);
            prefix = "Caused by: ";
            cause = cause.getCause();
        }
        return new CellException.EvaluationError(describe(t), lines);
    }

    private static void addFrames(List<String> lines, List<StackTraceElement> frames,
            Function<StackTraceElement, String> snippetFrames) {
        int shown = 0;
        for (int i = 0; i < frames.size(); i++) {
            StackTraceElement frame = frames.get(i);
            int repeats = 0;
            while (i + 1 < frames.size() && frames.get(i + 1).equals(frame)) {
                repeats++;
                i++;
            }
            if (shown++ == MAX_FRAMES) {
                lines.add("\t... " + (frames.size() - i) + " more frames");
                return;
            }
            lines.add("\tat " + (isSnippetFrame(frame) ? snippetFrames.apply(frame) : frame.toString()));
            if (repeats > 0) {
                lines.add("\t(the frame above repeats " + repeats + " more times)");
            }
        }
    }

    /** A snippet used a declaration whose own dependencies are still missing. */
    static CellException.EvaluationError unresolved(String what, List<String> missing) {
        return new CellException.EvaluationError(
                what + " cannot be used until " + String.join(", ", missing) + " is declared",
                List.of());
    }

    /**
     * The frames down to the last one of snippet code; without such a frame, the frames above the
     * kernel's reflective call.
     */
    static List<StackTraceElement> userFrames(StackTraceElement[] trace) {
        int end = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isSnippetFrame(trace[i])) {
                end = i;
            }
        }
        if (end < 0) {
            end = trace.length - 1;
            while (end >= 0 && isPlumbing(trace[end])) {
                end--;
            }
        }
        return List.of(trace).subList(0, end + 1);
    }

    /** Snippet code: JShell's wrapper classes, or frames JShell translated to {@code #id:line}. */
    static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith("REPL.")
                || (frame.getFileName() != null && frame.getFileName().startsWith("#"));
    }

    private static boolean isPlumbing(StackTraceElement frame) {
        return PLUMBING_PREFIXES.stream().anyMatch(frame.getClassName()::startsWith);
    }

    private static String describe(Throwable t) {
        String className = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
        String message;
        try {
            message = t.getLocalizedMessage();
        } catch (RuntimeException e) {
            message = "(getMessage() threw " + e + ")";
        }
        return message == null ? className : className + ": " + message;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int clamp(long v, int max) {
        return (int) Math.max(0, Math.min(v, max));
    }
}
