package dev.benchbook.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;

/** Jupyter's complete and inspect requests answered with JShell's source analysis. */
final class Inspection {
    private Inspection() {
    }

    /** Completion candidates at {@code cursor}, those matching the expected type first. */
    static ReplacementOptions complete(SourceCodeAnalysis analysis, String code, int cursor) {
        int[] anchor = {cursor};
        List<Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
        Set<String> options = new LinkedHashSet<>();
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> options.add(s.continuation()));
        suggestions.forEach(s -> options.add(s.continuation()));
        return new ReplacementOptions(new ArrayList<>(options), anchor[0], cursor);
    }

    /**
     * Signatures, and with {@code detailed} also javadoc (the JDK's, and the library's when its
     * sources are installed, see {@link JavadocSources}), of what is at {@code cursor}: the call
     * around it, or the method whose name it is in; empty when nothing is known.
     */
    static List<String> documentation(SourceCodeAnalysis analysis, String code, int cursor, boolean detailed) {
        // Inspection at a method name (Shift-Tab on "warmup") documents the method, as if called.
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String upTo = code.substring(0, end);
        List<Documentation> docs = analysis.documentation(upTo, end, detailed);
        if (docs.isEmpty() && end > 0 && Character.isJavaIdentifierPart(code.charAt(end - 1))) {
            docs = analysis.documentation(upTo + "(", end + 1, detailed);
        }
        List<String> out = new ArrayList<>();
        for (Documentation d : docs) {
            out.add(detailed && d.javadoc() != null ? d.signature() + "\n\n" + JavadocText.plain(d.javadoc())
                    : d.signature());
        }
        return out;
    }
}
