package dev.benchbook.xlang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A build or run command with the placeholders {@code {src}}, {@code {out}} and {@code {args}}, split into
 * an argument vector once and never handed to a shell. Words split on whitespace; single and double quotes
 * group words ({@code "a b"} is one argument) and a backslash escapes the next character, as in a shell,
 * but nothing else of a shell applies: no globbing, variables, pipes or redirections. A user who wants a
 * shell writes it out, e.g. {@code sh -c "gcc -O3 -o {out} {src} && strip {out}"}.
 *
 * <p>A word that is exactly {@code {args}} expands to the program's arguments, one word each (none when
 * there are none); inside a longer word it expands to the arguments joined by spaces. {@code {src}} and
 * {@code {out}} expand to absolute paths anywhere in a word.
 */
public final class CommandTemplate {
    private final String text;
    private final List<String> words;

    private CommandTemplate(String text, List<String> words) {
        this.text = text;
        this.words = words;
    }

    /**
     * Parses {@code text}.
     *
     * @param field the name shown in errors, e.g. {@code implementation("mine").buildCommand}
     * @throws IllegalArgumentException if the text is blank, a quote is not closed, or a placeholder other
     *     than {src}, {out} and {args} appears
     */
    public static CommandTemplate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is empty; give a command such as \"{out} {args}\"");
        }
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    w.append(text.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                w.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(field + " \"" + text + "\": the quote " + quote
                    + " is not closed; close it or escape it with a backslash");
        }
        if (inWord) {
            words.add(w.toString());
        }
        for (String word : words) {
            String rest = word.replace("{src}", "").replace("{out}", "").replace("{args}", "");
            int open = rest.indexOf('{');
            if (open >= 0 && rest.indexOf('}', open) > open) {
                throw new IllegalArgumentException(field + " \"" + text + "\": the placeholder "
                        + rest.substring(open, rest.indexOf('}', open) + 1)
                        + " is not known; use {src}, {out} or {args}");
            }
        }
        return new CommandTemplate(text, List.copyOf(words));
    }

    /** A template from words already split, e.g. a language's default command. */
    static CommandTemplate ofWords(List<String> words) {
        return new CommandTemplate(String.join(" ", words), List.copyOf(words));
    }

    /** The command as written. */
    public String text() {
        return text;
    }

    /** The words before expansion. */
    public List<String> words() {
        return words;
    }

    /** True when a word mentions {@code placeholder}, e.g. {@code "{out}"}. */
    public boolean mentions(String placeholder) {
        return words.stream().anyMatch(w -> w.contains(placeholder));
    }

    /**
     * The argument vector with the placeholders replaced.
     *
     * @param values {@code src} and {@code out} (each may be absent when the template does not use it)
     * @param args the program's arguments
     */
    public List<String> expand(Map<String, String> values, List<String> args) {
        List<String> argv = new ArrayList<>();
        for (String w : words) {
            if (w.equals("{args}")) {
                argv.addAll(args);
                continue;
            }
            String s = w.replace("{args}", String.join(" ", args));
            for (Map.Entry<String, String> e : values.entrySet()) {
                s = s.replace("{" + e.getKey() + "}", e.getValue());
            }
            argv.add(s);
        }
        return argv;
    }

    @Override
    public String toString() {
        return text;
    }
}
