package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException.MagicError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java parts and magic calls. A cell magic ({@code %%bench}) must be the
 * cell's first non-blank line and takes every line below it. A line magic ({@code %maven ...})
 * takes its own line, wherever it stands, unless that line continues an unfinished Java statement
 * (so {@code a\n% b} stays Java).
 */
final class CellParser {
    private static final Pattern MAGIC = Pattern.compile("(%%?)([A-Za-z][A-Za-z0-9_-]*)(.*)");

    /** A part of a cell, in order. */
    sealed interface Part permits JavaPart, MagicPart {
    }

    /** Java code, padded with blank lines so that its line numbers are the cell's. */
    record JavaPart(String source) implements Part {
    }

    /** A magic and how it was called. */
    record MagicPart(Magic magic, MagicCall call) implements Part {
    }

    private CellParser() {
    }

    /**
     * @param cell the cell's source
     * @param label the cell's name in stack traces
     * @param magics the known magics
     * @param javaIncomplete whether Java source needs more lines to be complete
     * @throws MagicError for an unknown magic, or a cell magic below the first line
     */
    static List<Part> parse(String cell, String label, Magics magics, Predicate<String> javaIncomplete) {
        String[] lines = cell.split("\n", -1);
        List<Part> parts = new ArrayList<>();
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && lines[first].stripLeading().startsWith("%%")) {
            Matcher m = match(lines[first], first + 1, magics);
            String body = String.join("\n", java.util.Arrays.asList(lines).subList(first + 1, lines.length));
            parts.add(new MagicPart(find(m, first + 1, magics), new MagicCall(m.group(1) + m.group(2),
                    m.group(3).strip(), body, first + 1, label)));
            return parts;
        }
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean magicLine = line.stripLeading().startsWith("%")
                    && (java.toString().isBlank() || !javaIncomplete.test(java.toString()));
            if (!magicLine) {
                if (java.isEmpty()) {
                    javaStart = i;
                }
                java.append(line).append('\n');
                continue;
            }
            Matcher m = match(line, i + 1, magics);
            if (m.group(1).equals("%%")) {
                throw new MagicError(m.group(1) + m.group(2) + " (line " + (i + 1) + "): a cell magic must be"
                        + " the first line of its cell; move it to the top of a cell of its own");
            }
            flush(parts, java, javaStart);
            parts.add(new MagicPart(find(m, i + 1, magics), new MagicCall("%" + m.group(2), m.group(3).strip(), "",
                    i + 1, label)));
        }
        flush(parts, java, javaStart);
        return parts;
    }

    private static void flush(List<Part> parts, StringBuilder java, int start) {
        if (!java.toString().isBlank()) {
            parts.add(new JavaPart(MagicCall.padded(java.toString(), start + 1)));
        }
        java.setLength(0);
    }

    private static Matcher match(String line, int lineNumber, Magics magics) {
        Matcher m = MAGIC.matcher(line.strip());
        if (!m.matches() || !(m.group(3).isEmpty() || Character.isWhitespace(m.group(3).charAt(0)))) {
            throw new MagicError("line " + lineNumber + ": '" + line.strip() + "' is not a magic call;"
                    + " write %name arguments (%lsmagic lists the magics)");
        }
        return m;
    }

    private static Magic find(Matcher m, int lineNumber, Magics magics) {
        String name = m.group(1) + m.group(2);
        return magics.find(name).orElseThrow(() -> {
            String other = name.startsWith("%%") ? name.substring(1) : "%" + name;
            String hint = magics.find(other).isPresent()
                    ? "; " + other + " exists: " + (other.startsWith("%%") ? "a cell magic heads its cell" : "a line"
                    + " magic takes one line")
                    : "; %lsmagic lists the magics";
            return new MagicError(name + " (line " + lineNumber + "): no such magic" + hint);
        });
    }
}
