package dev.benchbook.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses durations such as {@code 500ms}, {@code 5s}, {@code 2m}, {@code 20us}, {@code 100ns}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        Matcher m = FORM.matcher(value == null ? "" : value.strip());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write a number and a "
                    + "unit (ns, us, ms, s, m), e.g. 500ms or 5s");
        }
        double n = Double.parseDouble(m.group(1));
        double nanos = switch (m.group(2)) {
            case "ns" -> n;
            case "us" -> n * 1e3;
            case "ms" -> n * 1e6;
            case "s" -> n * 1e9;
            default -> n * 60e9;
        };
        return Duration.ofNanos(Math.round(nanos));
    }
}
