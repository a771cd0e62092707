package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException.MagicError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of magic arguments: words with quotes, leading {@code --options}, durations and counts. */
public final class MagicArgs {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|min)");

    private MagicArgs() {
    }

    /**
     * Options from the front of a magic's arguments, and the text after them.
     *
     * @param options option name (without {@code --}) to value; a flag maps to {@code "true"}
     * @param rest what follows the options, verbatim but stripped
     */
    public record Parsed(Map<String, String> options, String rest) {
        /** Whether the flag or option was given. */
        public boolean has(String option) {
            return options.containsKey(option);
        }
    }

    /**
     * Splits {@code args} into words: whitespace separates them, single or double quotes group
     * (for paths with spaces), and the quotes are dropped.
     *
     * @throws MagicError when a quote is not closed
     */
    public static List<String> words(String magic, String args) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < args.length() && Character.isWhitespace(args.charAt(i))) {
                i++;
            }
            if (i == args.length()) {
                return words;
            }
            StringBuilder word = new StringBuilder();
            i = readWord(magic, args, i, word);
            words.add(word.toString());
        }
    }

    /**
     * Reads the options at the front of {@code args}: {@code --flag}, {@code --name value} or
     * {@code --name=value}. Reading stops at the first word that does not start with {@code -}, or
     * after a lone {@code --}, which lets the rest start with a minus sign.
     *
     * @param flags options that take no value
     * @param valued options that take one value
     * @throws MagicError naming an unknown option, a flag given a value, or a missing value
     */
    public static Parsed leadingOptions(String magic, String args, Set<String> flags, Set<String> valued) {
        Map<String, String> options = new LinkedHashMap<>();
        int i = 0;
        while (true) {
            while (i < args.length() && Character.isWhitespace(args.charAt(i))) {
                i++;
            }
            if (i == args.length() || args.charAt(i) != '-' || i + 1 == args.length()
                    || !(args.charAt(i + 1) == '-' || Character.isLetter(args.charAt(i + 1)))) {
                return new Parsed(options, args.substring(i).strip());
            }
            StringBuilder word = new StringBuilder();
            i = readWord(magic, args, i, word);
            String w = word.toString();
            if (w.equals("--")) {
                return new Parsed(options, args.substring(i).strip());
            }
            String name = w.replaceFirst("^--?", "");
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new MagicError(magic + " " + w + ": --" + name + " takes no value; write just --" + name);
                }
                value = "true";
            } else if (valued.contains(name)) {
                if (value == null) {
                    while (i < args.length() && Character.isWhitespace(args.charAt(i))) {
                        i++;
                    }
                    if (i == args.length()) {
                        throw new MagicError(magic + " --" + name + ": the value is missing; write --" + name
                                + " VALUE");
                    }
                    StringBuilder v = new StringBuilder();
                    i = readWord(magic, args, i, v);
                    value = v.toString();
                }
            } else {
                Set<String> known = new TreeSet<>(flags);
                known.addAll(valued);
                throw new MagicError(magic + " " + w + ": unknown option; the options are --"
                        + String.join(", --", known) + " (put -- before code that starts with '-')");
            }
            options.put(name, value);
        }
    }

    /**
     * A duration such as {@code 500ms}, {@code 2s}, {@code 1.5s} or {@code 1m}.
     *
     * @throws MagicError when {@code value} is not one, or not positive
     */
    public static Duration duration(String magic, String option, String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new MagicError(magic + " --" + option + " " + value
                    + ": not a duration; write a number and a unit (ns, us, ms, s, m), e.g. 500ms, 2s or 1.5m");
        }
        double amount = Double.parseDouble(m.group(1));
        double nanos = amount * switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        if (nanos < 1) {
            throw new MagicError(magic + " --" + option + " " + value + ": must be longer than 0; e.g. 2s");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /**
     * A whole number of at least {@code min}.
     *
     * @throws MagicError when {@code value} is not one
     */
    public static int count(String magic, String option, String value, int min) {
        try {
            int n = Integer.parseInt(value.strip().replace("_", ""));
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MagicError(magic + " --" + option + " " + value + ": must be a whole number >= " + min
                + "; e.g. --" + option + " " + Math.max(min, 3));
    }

    private static int readWord(String magic, String args, int start, StringBuilder word) {
        int i = start;
        char quote = 0;
        int quoteAt = -1;
        while (i < args.length()) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                quoteAt = i;
            } else if (Character.isWhitespace(c)) {
                break;
            } else {
                word.append(c);
            }
            i++;
        }
        if (quote != 0) {
            throw new MagicError(magic + ": the quote " + quote + " at column " + (quoteAt + 1)
                    + " is not closed; close it, or drop it if the word has no spaces");
        }
        return i;
    }
}
